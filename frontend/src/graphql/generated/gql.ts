/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AccessTokens {\n  accessTokens {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n}": typeof types.AccessTokensDocument,
    "mutation AddProjectMember($input: ProjectMemberInput!) {\n  addProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.AddProjectMemberDocument,
    "query Candidate($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    candidate(iid: $iid) {\n      ...CandidateFields\n    }\n  }\n}": typeof types.CandidateDocument,
    "query CandidateArtifacts($fullPath: ID!, $iid: Int!, $path: String) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      artifacts(path: $path) {\n        path\n        name\n        isDir\n        size\n        downloadPath\n      }\n      artifactPackage {\n        name\n        version\n        fileCount\n        size\n        apiPath\n      }\n    }\n  }\n}": typeof types.CandidateArtifactsDocument,
    "subscription CandidateEvents($experimentId: ID!) {\n  candidateEvents(experimentId: $experimentId) {\n    kind\n    candidate {\n      ...CandidateRow\n    }\n  }\n}": typeof types.CandidateEventsDocument,
    "fragment CandidateFields on Candidate {\n  id\n  iid\n  eid\n  name\n  description\n  status\n  startTime\n  endTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n    name\n  }\n  experiment {\n    id\n    iid\n    name\n  }\n  parent {\n    id\n    iid\n    name\n  }\n  children {\n    id\n    iid\n    name\n  }\n  params {\n    name\n    value\n  }\n  metadata {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    step\n    timestamp\n    min\n    max\n    count\n  }\n  links {\n    webPath\n    mlflowRunId\n    artifactPath\n  }\n}": typeof types.CandidateFieldsFragmentDoc,
    "query CandidateLineage($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      datasets {\n        name\n        digest\n        sourceType\n        source\n        schema\n        profile\n        tags {\n          name\n          value\n        }\n      }\n      modelInputs\n      modelOutputs {\n        modelId\n        step\n      }\n    }\n  }\n}": typeof types.CandidateLineageDocument,
    "fragment CandidatePayloadFields on CandidatePayload {\n  __typename\n  ... on Candidate {\n    ...CandidateFields\n  }\n  ... on UserError {\n    message\n  }\n}": typeof types.CandidatePayloadFieldsFragmentDoc,
    "fragment CandidateRow on Candidate {\n  id\n  iid\n  name\n  status\n  startTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n  }\n  params {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    min\n    max\n  }\n}": typeof types.CandidateRowFragmentDoc,
    "query ChartMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n    timestamps\n  }\n}": typeof types.ChartMetricsDocument,
    "query CompareMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n  }\n}": typeof types.CompareMetricsDocument,
    "mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) {\n    __typename\n    ... on AccessTokenCreated {\n      secret\n      token {\n        id\n        name\n        prefix\n        scopes\n        expiresAt\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.CreateAccessTokenDocument,
    "mutation CreateCandidate($input: CreateCandidateInput!) {\n  createCandidate(input: $input) {\n    __typename\n    ... on Candidate {\n      id\n      iid\n      name\n    }\n    ... on UserError {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n  }\n}": typeof types.CreateCandidateDocument,
    "mutation CreateExperiment($input: CreateExperimentInput!) {\n  createExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": typeof types.CreateExperimentDocument,
    "query CurrentUser {\n  currentUser {\n    id\n    username\n    name\n    isAdmin\n  }\n}": typeof types.CurrentUserDocument,
    "mutation DeleteCandidate($input: CandidateIdInput!) {\n  deleteCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": typeof types.DeleteCandidateDocument,
    "mutation DeleteExperiment($input: ExperimentIdInput!) {\n  deleteExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": typeof types.DeleteExperimentDocument,
    "mutation DeleteMetadata($input: DeleteMetadataInput!) {\n  deleteMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.DeleteMetadataDocument,
    "query Experiment($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiment(iid: $iid) {\n      ...ExperimentFields\n    }\n  }\n}": typeof types.ExperimentDocument,
    "query ExperimentCandidates($fullPath: ID!, $iid: Int!, $filter: String, $sort: String, $status: CandidateStatus, $includeDeleted: Boolean, $first: Int, $after: String) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      candidates(\n        filter: $filter\n        sort: $sort\n        status: $status\n        includeDeleted: $includeDeleted\n        first: $first\n        after: $after\n      ) {\n        totalCount\n        nodes {\n          ...CandidateRow\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}": typeof types.ExperimentCandidatesDocument,
    "fragment ExperimentFields on Experiment {\n  id\n  iid\n  name\n  createdAt\n  updatedAt\n  deletedAt\n  candidateCount\n  lastActivityAt\n  creator {\n    id\n    username\n    name\n  }\n  metadata {\n    name\n    value\n  }\n}": typeof types.ExperimentFieldsFragmentDoc,
    "query ExperimentKeys($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      paramKeys\n      metricKeys\n    }\n  }\n}": typeof types.ExperimentKeysDocument,
    "fragment ExperimentPayloadFields on ExperimentPayload {\n  __typename\n  ... on Experiment {\n    ...ExperimentFields\n  }\n  ... on UserError {\n    message\n  }\n}": typeof types.ExperimentPayloadFieldsFragmentDoc,
    "query Experiments($fullPath: ID!, $search: String, $sort: ExperimentSort, $includeDeleted: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiments(\n      search: $search\n      sort: $sort\n      includeDeleted: $includeDeleted\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      nodes {\n        id\n        iid\n        name\n        candidateCount\n        createdAt\n        lastActivityAt\n        deletedAt\n        creator {\n          id\n          username\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}": typeof types.ExperimentsDocument,
    "query MetricHistory($fullPath: ID!, $iid: Int!, $name: String!, $maxPoints: Int, $minStep: Long, $maxStep: Long) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      metricHistory(\n        name: $name\n        maxPoints: $maxPoints\n        minStep: $minStep\n        maxStep: $maxStep\n      ) {\n        step\n        timestamp\n        value\n      }\n    }\n  }\n}": typeof types.MetricHistoryDocument,
    "subscription MetricPoints($candidateId: ID!) {\n  metricPoints(candidateId: $candidateId) {\n    name\n    step\n  }\n}": typeof types.MetricPointsDocument,
    "fragment ProjectMemberFields on ProjectMember {\n  accessLevel\n  user {\n    id\n    username\n    name\n  }\n}": typeof types.ProjectMemberFieldsFragmentDoc,
    "query ProjectMembers($fullPath: ID!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    currentUserAccessLevel\n    members {\n      ...ProjectMemberFields\n    }\n  }\n}": typeof types.ProjectMembersDocument,
    "query Projects($search: String, $first: Int, $after: String) {\n  projects(search: $search, first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      fullPath\n      name\n      description\n      visibility\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ProjectsDocument,
    "mutation PurgeCandidate($input: PurgeInput!) {\n  purgeCandidate(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.PurgeCandidateDocument,
    "mutation PurgeExperiment($input: PurgeInput!) {\n  purgeExperiment(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.PurgeExperimentDocument,
    "mutation RemoveProjectMember($input: RemoveProjectMemberInput!) {\n  removeProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.RemoveProjectMemberDocument,
    "mutation RestoreCandidate($input: CandidateIdInput!) {\n  restoreCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": typeof types.RestoreCandidateDocument,
    "mutation RestoreExperiment($input: ExperimentIdInput!) {\n  restoreExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": typeof types.RestoreExperimentDocument,
    "mutation RevokeAccessToken($input: AccessTokenIdInput!) {\n  revokeAccessToken(input: $input) {\n    __typename\n    ... on AccessToken {\n      id\n      revokedAt\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.RevokeAccessTokenDocument,
    "mutation SetMetadata($input: SetMetadataInput!) {\n  setMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.SetMetadataDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on User {\n      id\n      username\n      name\n      isAdmin\n    }\n    ... on AuthenticationError {\n      message\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "mutation UpdateCandidate($input: UpdateCandidateInput!) {\n  updateCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": typeof types.UpdateCandidateDocument,
    "mutation UpdateExperiment($input: UpdateExperimentInput!) {\n  updateExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": typeof types.UpdateExperimentDocument,
    "mutation UpdateProjectMember($input: ProjectMemberInput!) {\n  updateProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": typeof types.UpdateProjectMemberDocument,
};
const documents: Documents = {
    "query AccessTokens {\n  accessTokens {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n}": types.AccessTokensDocument,
    "mutation AddProjectMember($input: ProjectMemberInput!) {\n  addProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.AddProjectMemberDocument,
    "query Candidate($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    candidate(iid: $iid) {\n      ...CandidateFields\n    }\n  }\n}": types.CandidateDocument,
    "query CandidateArtifacts($fullPath: ID!, $iid: Int!, $path: String) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      artifacts(path: $path) {\n        path\n        name\n        isDir\n        size\n        downloadPath\n      }\n      artifactPackage {\n        name\n        version\n        fileCount\n        size\n        apiPath\n      }\n    }\n  }\n}": types.CandidateArtifactsDocument,
    "subscription CandidateEvents($experimentId: ID!) {\n  candidateEvents(experimentId: $experimentId) {\n    kind\n    candidate {\n      ...CandidateRow\n    }\n  }\n}": types.CandidateEventsDocument,
    "fragment CandidateFields on Candidate {\n  id\n  iid\n  eid\n  name\n  description\n  status\n  startTime\n  endTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n    name\n  }\n  experiment {\n    id\n    iid\n    name\n  }\n  parent {\n    id\n    iid\n    name\n  }\n  children {\n    id\n    iid\n    name\n  }\n  params {\n    name\n    value\n  }\n  metadata {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    step\n    timestamp\n    min\n    max\n    count\n  }\n  links {\n    webPath\n    mlflowRunId\n    artifactPath\n  }\n}": types.CandidateFieldsFragmentDoc,
    "query CandidateLineage($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      datasets {\n        name\n        digest\n        sourceType\n        source\n        schema\n        profile\n        tags {\n          name\n          value\n        }\n      }\n      modelInputs\n      modelOutputs {\n        modelId\n        step\n      }\n    }\n  }\n}": types.CandidateLineageDocument,
    "fragment CandidatePayloadFields on CandidatePayload {\n  __typename\n  ... on Candidate {\n    ...CandidateFields\n  }\n  ... on UserError {\n    message\n  }\n}": types.CandidatePayloadFieldsFragmentDoc,
    "fragment CandidateRow on Candidate {\n  id\n  iid\n  name\n  status\n  startTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n  }\n  params {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    min\n    max\n  }\n}": types.CandidateRowFragmentDoc,
    "query ChartMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n    timestamps\n  }\n}": types.ChartMetricsDocument,
    "query CompareMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n  }\n}": types.CompareMetricsDocument,
    "mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) {\n    __typename\n    ... on AccessTokenCreated {\n      secret\n      token {\n        id\n        name\n        prefix\n        scopes\n        expiresAt\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.CreateAccessTokenDocument,
    "mutation CreateCandidate($input: CreateCandidateInput!) {\n  createCandidate(input: $input) {\n    __typename\n    ... on Candidate {\n      id\n      iid\n      name\n    }\n    ... on UserError {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n  }\n}": types.CreateCandidateDocument,
    "mutation CreateExperiment($input: CreateExperimentInput!) {\n  createExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": types.CreateExperimentDocument,
    "query CurrentUser {\n  currentUser {\n    id\n    username\n    name\n    isAdmin\n  }\n}": types.CurrentUserDocument,
    "mutation DeleteCandidate($input: CandidateIdInput!) {\n  deleteCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": types.DeleteCandidateDocument,
    "mutation DeleteExperiment($input: ExperimentIdInput!) {\n  deleteExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": types.DeleteExperimentDocument,
    "mutation DeleteMetadata($input: DeleteMetadataInput!) {\n  deleteMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}": types.DeleteMetadataDocument,
    "query Experiment($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiment(iid: $iid) {\n      ...ExperimentFields\n    }\n  }\n}": types.ExperimentDocument,
    "query ExperimentCandidates($fullPath: ID!, $iid: Int!, $filter: String, $sort: String, $status: CandidateStatus, $includeDeleted: Boolean, $first: Int, $after: String) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      candidates(\n        filter: $filter\n        sort: $sort\n        status: $status\n        includeDeleted: $includeDeleted\n        first: $first\n        after: $after\n      ) {\n        totalCount\n        nodes {\n          ...CandidateRow\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}": types.ExperimentCandidatesDocument,
    "fragment ExperimentFields on Experiment {\n  id\n  iid\n  name\n  createdAt\n  updatedAt\n  deletedAt\n  candidateCount\n  lastActivityAt\n  creator {\n    id\n    username\n    name\n  }\n  metadata {\n    name\n    value\n  }\n}": types.ExperimentFieldsFragmentDoc,
    "query ExperimentKeys($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      paramKeys\n      metricKeys\n    }\n  }\n}": types.ExperimentKeysDocument,
    "fragment ExperimentPayloadFields on ExperimentPayload {\n  __typename\n  ... on Experiment {\n    ...ExperimentFields\n  }\n  ... on UserError {\n    message\n  }\n}": types.ExperimentPayloadFieldsFragmentDoc,
    "query Experiments($fullPath: ID!, $search: String, $sort: ExperimentSort, $includeDeleted: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiments(\n      search: $search\n      sort: $sort\n      includeDeleted: $includeDeleted\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      nodes {\n        id\n        iid\n        name\n        candidateCount\n        createdAt\n        lastActivityAt\n        deletedAt\n        creator {\n          id\n          username\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}": types.ExperimentsDocument,
    "query MetricHistory($fullPath: ID!, $iid: Int!, $name: String!, $maxPoints: Int, $minStep: Long, $maxStep: Long) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      metricHistory(\n        name: $name\n        maxPoints: $maxPoints\n        minStep: $minStep\n        maxStep: $maxStep\n      ) {\n        step\n        timestamp\n        value\n      }\n    }\n  }\n}": types.MetricHistoryDocument,
    "subscription MetricPoints($candidateId: ID!) {\n  metricPoints(candidateId: $candidateId) {\n    name\n    step\n  }\n}": types.MetricPointsDocument,
    "fragment ProjectMemberFields on ProjectMember {\n  accessLevel\n  user {\n    id\n    username\n    name\n  }\n}": types.ProjectMemberFieldsFragmentDoc,
    "query ProjectMembers($fullPath: ID!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    currentUserAccessLevel\n    members {\n      ...ProjectMemberFields\n    }\n  }\n}": types.ProjectMembersDocument,
    "query Projects($search: String, $first: Int, $after: String) {\n  projects(search: $search, first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      fullPath\n      name\n      description\n      visibility\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ProjectsDocument,
    "mutation PurgeCandidate($input: PurgeInput!) {\n  purgeCandidate(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.PurgeCandidateDocument,
    "mutation PurgeExperiment($input: PurgeInput!) {\n  purgeExperiment(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.PurgeExperimentDocument,
    "mutation RemoveProjectMember($input: RemoveProjectMemberInput!) {\n  removeProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.RemoveProjectMemberDocument,
    "mutation RestoreCandidate($input: CandidateIdInput!) {\n  restoreCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": types.RestoreCandidateDocument,
    "mutation RestoreExperiment($input: ExperimentIdInput!) {\n  restoreExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": types.RestoreExperimentDocument,
    "mutation RevokeAccessToken($input: AccessTokenIdInput!) {\n  revokeAccessToken(input: $input) {\n    __typename\n    ... on AccessToken {\n      id\n      revokedAt\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.RevokeAccessTokenDocument,
    "mutation SetMetadata($input: SetMetadataInput!) {\n  setMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}": types.SetMetadataDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on User {\n      id\n      username\n      name\n      isAdmin\n    }\n    ... on AuthenticationError {\n      message\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "mutation UpdateCandidate($input: UpdateCandidateInput!) {\n  updateCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}": types.UpdateCandidateDocument,
    "mutation UpdateExperiment($input: UpdateExperimentInput!) {\n  updateExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}": types.UpdateExperimentDocument,
    "mutation UpdateProjectMember($input: ProjectMemberInput!) {\n  updateProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}": types.UpdateProjectMemberDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTokens {\n  accessTokens {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n}"): typeof import('./graphql').AccessTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddProjectMember($input: ProjectMemberInput!) {\n  addProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').AddProjectMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Candidate($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    candidate(iid: $iid) {\n      ...CandidateFields\n    }\n  }\n}"): typeof import('./graphql').CandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CandidateArtifacts($fullPath: ID!, $iid: Int!, $path: String) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      artifacts(path: $path) {\n        path\n        name\n        isDir\n        size\n        downloadPath\n      }\n      artifactPackage {\n        name\n        version\n        fileCount\n        size\n        apiPath\n      }\n    }\n  }\n}"): typeof import('./graphql').CandidateArtifactsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CandidateEvents($experimentId: ID!) {\n  candidateEvents(experimentId: $experimentId) {\n    kind\n    candidate {\n      ...CandidateRow\n    }\n  }\n}"): typeof import('./graphql').CandidateEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CandidateFields on Candidate {\n  id\n  iid\n  eid\n  name\n  description\n  status\n  startTime\n  endTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n    name\n  }\n  experiment {\n    id\n    iid\n    name\n  }\n  parent {\n    id\n    iid\n    name\n  }\n  children {\n    id\n    iid\n    name\n  }\n  params {\n    name\n    value\n  }\n  metadata {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    step\n    timestamp\n    min\n    max\n    count\n  }\n  links {\n    webPath\n    mlflowRunId\n    artifactPath\n  }\n}"): typeof import('./graphql').CandidateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CandidateLineage($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      datasets {\n        name\n        digest\n        sourceType\n        source\n        schema\n        profile\n        tags {\n          name\n          value\n        }\n      }\n      modelInputs\n      modelOutputs {\n        modelId\n        step\n      }\n    }\n  }\n}"): typeof import('./graphql').CandidateLineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CandidatePayloadFields on CandidatePayload {\n  __typename\n  ... on Candidate {\n    ...CandidateFields\n  }\n  ... on UserError {\n    message\n  }\n}"): typeof import('./graphql').CandidatePayloadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CandidateRow on Candidate {\n  id\n  iid\n  name\n  status\n  startTime\n  duration\n  createdAt\n  deletedAt\n  creator {\n    id\n    username\n  }\n  params {\n    name\n    value\n  }\n  metrics {\n    name\n    value\n    min\n    max\n  }\n}"): typeof import('./graphql').CandidateRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChartMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n    timestamps\n  }\n}"): typeof import('./graphql').ChartMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompareMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {\n  compareMetrics(\n    candidateIds: $candidateIds\n    names: $names\n    maxPoints: $maxPoints\n  ) {\n    candidateId\n    name\n    steps\n    values\n  }\n}"): typeof import('./graphql').CompareMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n  createAccessToken(input: $input) {\n    __typename\n    ... on AccessTokenCreated {\n      secret\n      token {\n        id\n        name\n        prefix\n        scopes\n        expiresAt\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').CreateAccessTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCandidate($input: CreateCandidateInput!) {\n  createCandidate(input: $input) {\n    __typename\n    ... on Candidate {\n      id\n      iid\n      name\n    }\n    ... on UserError {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n  }\n}"): typeof import('./graphql').CreateCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateExperiment($input: CreateExperimentInput!) {\n  createExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CurrentUser {\n  currentUser {\n    id\n    username\n    name\n    isAdmin\n  }\n}"): typeof import('./graphql').CurrentUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteCandidate($input: CandidateIdInput!) {\n  deleteCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}"): typeof import('./graphql').DeleteCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteExperiment($input: ExperimentIdInput!) {\n  deleteExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}"): typeof import('./graphql').DeleteExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteMetadata($input: DeleteMetadataInput!) {\n  deleteMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').DeleteMetadataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Experiment($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiment(iid: $iid) {\n      ...ExperimentFields\n    }\n  }\n}"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExperimentCandidates($fullPath: ID!, $iid: Int!, $filter: String, $sort: String, $status: CandidateStatus, $includeDeleted: Boolean, $first: Int, $after: String) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      candidates(\n        filter: $filter\n        sort: $sort\n        status: $status\n        includeDeleted: $includeDeleted\n        first: $first\n        after: $after\n      ) {\n        totalCount\n        nodes {\n          ...CandidateRow\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ExperimentCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ExperimentFields on Experiment {\n  id\n  iid\n  name\n  createdAt\n  updatedAt\n  deletedAt\n  candidateCount\n  lastActivityAt\n  creator {\n    id\n    username\n    name\n  }\n  metadata {\n    name\n    value\n  }\n}"): typeof import('./graphql').ExperimentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExperimentKeys($fullPath: ID!, $iid: Int!) {\n  project(fullPath: $fullPath) {\n    id\n    experiment(iid: $iid) {\n      id\n      paramKeys\n      metricKeys\n    }\n  }\n}"): typeof import('./graphql').ExperimentKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ExperimentPayloadFields on ExperimentPayload {\n  __typename\n  ... on Experiment {\n    ...ExperimentFields\n  }\n  ... on UserError {\n    message\n  }\n}"): typeof import('./graphql').ExperimentPayloadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Experiments($fullPath: ID!, $search: String, $sort: ExperimentSort, $includeDeleted: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    mlflowTrackingUri\n    currentUserAccessLevel\n    experiments(\n      search: $search\n      sort: $sort\n      includeDeleted: $includeDeleted\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      nodes {\n        id\n        iid\n        name\n        candidateCount\n        createdAt\n        lastActivityAt\n        deletedAt\n        creator {\n          id\n          username\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MetricHistory($fullPath: ID!, $iid: Int!, $name: String!, $maxPoints: Int, $minStep: Long, $maxStep: Long) {\n  project(fullPath: $fullPath) {\n    id\n    candidate(iid: $iid) {\n      id\n      metricHistory(\n        name: $name\n        maxPoints: $maxPoints\n        minStep: $minStep\n        maxStep: $maxStep\n      ) {\n        step\n        timestamp\n        value\n      }\n    }\n  }\n}"): typeof import('./graphql').MetricHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MetricPoints($candidateId: ID!) {\n  metricPoints(candidateId: $candidateId) {\n    name\n    step\n  }\n}"): typeof import('./graphql').MetricPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProjectMemberFields on ProjectMember {\n  accessLevel\n  user {\n    id\n    username\n    name\n  }\n}"): typeof import('./graphql').ProjectMemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProjectMembers($fullPath: ID!) {\n  project(fullPath: $fullPath) {\n    id\n    fullPath\n    name\n    currentUserAccessLevel\n    members {\n      ...ProjectMemberFields\n    }\n  }\n}"): typeof import('./graphql').ProjectMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Projects($search: String, $first: Int, $after: String) {\n  projects(search: $search, first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      fullPath\n      name\n      description\n      visibility\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').ProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PurgeCandidate($input: PurgeInput!) {\n  purgeCandidate(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').PurgeCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PurgeExperiment($input: PurgeInput!) {\n  purgeExperiment(input: $input) {\n    __typename\n    ... on Purged {\n      id\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').PurgeExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveProjectMember($input: RemoveProjectMemberInput!) {\n  removeProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').RemoveProjectMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RestoreCandidate($input: CandidateIdInput!) {\n  restoreCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}"): typeof import('./graphql').RestoreCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RestoreExperiment($input: ExperimentIdInput!) {\n  restoreExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}"): typeof import('./graphql').RestoreExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeAccessToken($input: AccessTokenIdInput!) {\n  revokeAccessToken(input: $input) {\n    __typename\n    ... on AccessToken {\n      id\n      revokedAt\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').RevokeAccessTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetMetadata($input: SetMetadataInput!) {\n  setMetadata(input: $input) {\n    __typename\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').SetMetadataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on User {\n      id\n      username\n      name\n      isAdmin\n    }\n    ... on AuthenticationError {\n      message\n    }\n  }\n}"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut\n}"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCandidate($input: UpdateCandidateInput!) {\n  updateCandidate(input: $input) {\n    ...CandidatePayloadFields\n  }\n}"): typeof import('./graphql').UpdateCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateExperiment($input: UpdateExperimentInput!) {\n  updateExperiment(input: $input) {\n    ...ExperimentPayloadFields\n  }\n}"): typeof import('./graphql').UpdateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProjectMember($input: ProjectMemberInput!) {\n  updateProjectMember(input: $input) {\n    __typename\n    ... on Project {\n      id\n      members {\n        ...ProjectMemberFields\n      }\n    }\n    ... on UserError {\n      message\n    }\n  }\n}"): typeof import('./graphql').UpdateProjectMemberDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
