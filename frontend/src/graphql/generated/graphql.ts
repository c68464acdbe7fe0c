/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** A 64-bit signed integer. Sent as a JSON number when its absolute value is at most 2^53 - 1 (exact in JavaScript), as a decimal string beyond; accepted as either. */
  Long: { input: number; output: number; }
};

/** A role in a project (GitLab's). */
export type AccessLevel =
  /** Reads and writes experiments, candidates and artifacts (MLflow client too). */
  | 'DEVELOPER'
  /** Below Developer: sees none of a private project's experiment data. */
  | 'GUEST'
  /** A Developer who may also delete experiments and manage members. */
  | 'MAINTAINER'
  /** A Maintainer; a project always keeps at least one Owner. */
  | 'OWNER'
  /** Below Developer, as Guest: sees none of a private project's experiment data. */
  | 'REPORTER';

/** A personal access token (the secret is shown once). */
export type AccessToken = Node & {
  __typename?: 'AccessToken';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** From then on it is refused; null if it never expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** When it last authenticated a request (updated at most once a minute); null if never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Its owner's label for it. */
  name: Scalars['String']['output'];
  /** The start of the secret, to tell tokens apart. */
  prefix: Scalars['String']['output'];
  /** When it was revoked (it is refused since); null while active. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** `api` (read and write) or `read_api`. */
  scopes: Array<Scalars['String']['output']>;
};

/** A token just created: copy the secret now, it is not shown again. */
export type AccessTokenCreated = {
  __typename?: 'AccessTokenCreated';
  /** The full secret, for `Authorization: Bearer` or the `PRIVATE-TOKEN` header. Only its hash is stored, so it cannot be shown again. */
  secret: Scalars['String']['output'];
  /** The new token, as it will be listed. */
  token: AccessToken;
};

/** A token by global id. */
export type AccessTokenIdInput = {
  /** The global id of one of your own access tokens. */
  id: Scalars['ID']['input'];
};

/** The token as changed, or why nothing changed. */
export type AccessTokenPayload = AccessToken | AlreadyExistsError | InvalidStateError | NotFoundError | PermissionDeniedError | ValidationError;

/** A unique name is already taken. */
export type AlreadyExistsError = UserError & {
  __typename?: 'AlreadyExistsError';
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** A file or folder among a candidate's artifacts. */
export type Artifact = {
  __typename?: 'Artifact';
  /** GET it (files only). */
  downloadPath?: Maybe<Scalars['String']['output']>;
  /** True for a folder, false for a file. */
  isDir: Scalars['Boolean']['output'];
  /** The last segment of `path`. */
  name: Scalars['String']['output'];
  /** Relative to the candidate's artifact root. */
  path: Scalars['String']['output'];
  /** Bytes; null for folders. */
  size?: Maybe<Scalars['Long']['output']>;
};

/** The generic package holding a candidate's artifacts. */
export type ArtifactPackage = {
  __typename?: 'ArtifactPackage';
  /** The generic package API folder. */
  apiPath: Scalars['String']['output'];
  /** How many files it holds. */
  fileCount: Scalars['Int']['output'];
  /** `ml_experiment_<experiment iid>`. */
  name: Scalars['String']['output'];
  /** Total bytes of its files. */
  size: Scalars['Long']['output'];
  /** The candidate's iid. */
  version: Scalars['String']['output'];
};

/** Sign-in failed, or the request needs an authenticated user. */
export type AuthenticationError = UserError & {
  __typename?: 'AuthenticationError';
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** A candidate: one MLflow run. */
export type Candidate = Node & {
  __typename?: 'Candidate';
  /** The package holding the artifacts; null until one is logged. */
  artifactPackage?: Maybe<ArtifactPackage>;
  /** The files and folders directly under `path`. */
  artifacts: Array<Artifact>;
  /** Nested runs, by iid. */
  children: Array<Candidate>;
  /** When the candidate was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  creator?: Maybe<User>;
  /** Datasets it used (MLflow `log_input`). */
  datasets: Array<DatasetInput>;
  /** Set when soft-deleted. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Markdown (MLflow's note tag). */
  description: Scalars['String']['output'];
  /** Seconds between start and end (or now, while running). */
  duration?: Maybe<Scalars['Float']['output']>;
  /** The MLflow run id. */
  eid: Scalars['String']['output'];
  /** When the run ended; null while running. */
  endTime?: Maybe<Scalars['DateTime']['output']>;
  /** The experiment it belongs to. */
  experiment: Experiment;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Number within the project. */
  iid: Scalars['Int']['output'];
  /** Where to find it elsewhere. */
  links: CandidateLinks;
  /** Metadata (MLflow tags). */
  metadata: Array<Metadata>;
  /** The history of one metric, downsampled on the server to at most `maxPoints` points: per x-range bucket its first, minimum, maximum and last point (M4), so spikes, the global extremes and the last point are always kept. At most 10,000. With `minStep` and `maxStep`, only that step range (both ends included), in the same number of points: a zoomed chart gets its detail. */
  metricHistory: Array<MetricPoint>;
  /** One summary per metric name. */
  metrics: Array<Metric>;
  /** Ids of the logged models it used as inputs. */
  modelInputs: Array<Scalars['String']['output']>;
  /** Logged models it produced. */
  modelOutputs: Array<ModelOutput>;
  /** The run name (MLflow `mlflow.runName`). */
  name: Scalars['String']['output'];
  /** Hyperparameters, by name. */
  params: Array<Param>;
  /** The parent run (MLflow nested runs). */
  parent?: Maybe<Candidate>;
  /** The project it belongs to. */
  project: Project;
  /** When the run started. */
  startTime?: Maybe<Scalars['DateTime']['output']>;
  /** The run status. */
  status: CandidateStatus;
};


/** A candidate: one MLflow run. */
export type CandidateArtifactsArgs = {
  path?: InputMaybe<Scalars['String']['input']>;
};


/** A candidate: one MLflow run. */
export type CandidateMetricHistoryArgs = {
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  maxStep?: InputMaybe<Scalars['Long']['input']>;
  minStep?: InputMaybe<Scalars['Long']['input']>;
  name: Scalars['String']['input'];
  xAxis?: InputMaybe<MetricAxis>;
};

/** A page of candidates. */
export type CandidateConnection = {
  __typename?: 'CandidateConnection';
  /** The nodes with their cursors. */
  edges: Array<CandidateEdge>;
  /** The nodes of this page (the edges without cursors). */
  nodes: Array<Candidate>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many nodes match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A node and the cursor to page after or before it. */
export type CandidateEdge = {
  __typename?: 'CandidateEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The object at this position. */
  node: Candidate;
};

/** A candidate was created, changed or deleted. */
export type CandidateEvent = {
  __typename?: 'CandidateEvent';
  /** The candidate as it is when the event is sent (a deleted one has `deletedAt` set). */
  candidate: Candidate;
  /** What happened. */
  kind: CandidateEventKind;
};

/** What happened to a candidate. */
export type CandidateEventKind =
  /** It was just created. */
  | 'CREATED'
  /** It was soft-deleted. */
  | 'DELETED'
  /** It changed (name, status, params, metrics, metadata) or was restored. */
  | 'UPDATED';

/** A candidate by global id. */
export type CandidateIdInput = {
  /** The candidate's global id. */
  id: Scalars['ID']['input'];
};

/** Links to a candidate elsewhere. */
export type CandidateLinks = {
  __typename?: 'CandidateLinks';
  /** The generic package API folder holding the candidate's artifacts. */
  artifactPath?: Maybe<Scalars['String']['output']>;
  /** The MLflow run id (the eid). */
  mlflowRunId: Scalars['String']['output'];
  /** The candidate's page in the web app. */
  webPath: Scalars['String']['output'];
};

/** The candidate as changed, or why nothing changed. */
export type CandidatePayload = AlreadyExistsError | Candidate | InvalidStateError | NotFoundError | PermissionDeniedError | ValidationError;

/** A candidate's run status. */
export type CandidateStatus =
  /** Ended with an error. */
  | 'FAILED'
  /** Ended successfully. */
  | 'FINISHED'
  /** Stopped before it ended. */
  | 'KILLED'
  /** Training is under way (MLflow's RUNNING; a new run's status). */
  | 'RUNNING'
  /** Queued, not started yet. */
  | 'SCHEDULED';

/** A new personal access token. */
export type CreateAccessTokenInput = {
  /** When it stops working; omitted or null: never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A label for it, 1 to 255 characters. */
  name: Scalars['String']['input'];
  /** `api` and/or `read_api`. */
  scopes: Array<Scalars['String']['input']>;
};

/** The new token with its secret, or why none was created. */
export type CreateAccessTokenPayload = AccessTokenCreated | AlreadyExistsError | InvalidStateError | NotFoundError | PermissionDeniedError | ValidationError;

/** A new candidate in an experiment. */
export type CreateCandidateInput = {
  /** The experiment's global id; needs Developer in its project. */
  experimentId: Scalars['ID']['input'];
  /** Metadata entries (MLflow tags). */
  metadata?: InputMaybe<Array<KeyValueInput>>;
  /** Metric points, all timestamped now. */
  metrics?: InputMaybe<Array<MetricInput>>;
  /** The run name; when omitted, the `mlflow.runName` entry of `metadata`, else a generated one (as MLflow does); the two must agree if both are given. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Hyperparameters (MLflow params). */
  params?: InputMaybe<Array<KeyValueInput>>;
};

/** A new experiment in a project. */
export type CreateExperimentInput = {
  /** Unique among the project's live experiments; 1 to 500 characters (surrounding spaces are trimmed). */
  name: Scalars['String']['input'];
  /** Project path or numeric id. */
  projectPath: Scalars['ID']['input'];
};

/** A new project; you become its owner. */
export type CreateProjectInput = {
  /** Free text. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name, up to 255 characters; the path when omitted. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** URL-safe: letters, digits, `_-.`, `/`. */
  path: Scalars['String']['input'];
  /** private or public */
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** A dataset a candidate used (MLflow `log_input`). */
export type DatasetInput = {
  __typename?: 'DatasetInput';
  /** Identifies this version of the data. */
  digest: Scalars['String']['output'];
  /** The dataset's name. */
  name: Scalars['String']['output'];
  /** Its profile (JSON), if logged. */
  profile?: Maybe<Scalars['String']['output']>;
  /** Its schema (JSON), if logged. */
  schema?: Maybe<Scalars['String']['output']>;
  /** Where the data came from (JSON). */
  source: Scalars['String']['output'];
  /** e.g. `local`, `s3`, `http`. */
  sourceType: Scalars['String']['output'];
  /** e.g. `mlflow.data.context`. */
  tags: Array<Metadata>;
};

/** Delete one metadata entry. */
export type DeleteMetadataInput = {
  /** An Experiment or Candidate global id. */
  id: Scalars['ID']['input'];
  /** The key; a NotFoundError if there is none. */
  name: Scalars['String']['input'];
};

/** A named group of candidates (MLflow runs). */
export type Experiment = Node & {
  __typename?: 'Experiment';
  /** Live (not deleted) candidates. */
  candidateCount: Scalars['Int']['output'];
  /** filter: the search language (e.g. `metrics.acc > 0.9 and params.lr = '0.1'`); sort: e.g. `metrics.loss ASC`, `params.lr DESC`, `attributes.start_time DESC`, `metrics.loss.min ASC`. */
  candidates: CandidateConnection;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  creator?: Maybe<User>;
  /** Set when soft-deleted. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Number within the project (MLflow experiment_id). */
  iid: Scalars['Int']['output'];
  /** When a candidate last changed. */
  lastActivityAt: Scalars['DateTime']['output'];
  /** Metadata (MLflow experiment tags). */
  metadata: Array<Metadata>;
  /** Metric names used by live candidates, sorted. */
  metricKeys: Array<Scalars['String']['output']>;
  /** Unique among the project's live experiments. */
  name: Scalars['String']['output'];
  /** Param names used by live candidates, sorted. */
  paramKeys: Array<Scalars['String']['output']>;
  /** The project it belongs to. */
  project: Project;
  /** When it was last renamed or changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Path of the experiment's page in the web app. */
  webPath: Scalars['String']['output'];
};


/** A named group of candidates (MLflow runs). */
export type ExperimentCandidatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<CandidateStatus>;
};

/** A page of experiments. */
export type ExperimentConnection = {
  __typename?: 'ExperimentConnection';
  /** The nodes with their cursors. */
  edges: Array<ExperimentEdge>;
  /** The nodes of this page (the edges without cursors). */
  nodes: Array<Experiment>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many nodes match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A node and the cursor to page after or before it. */
export type ExperimentEdge = {
  __typename?: 'ExperimentEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The object at this position. */
  node: Experiment;
};

/** An experiment by global id. */
export type ExperimentIdInput = {
  /** The experiment's global id. */
  id: Scalars['ID']['input'];
};

/** The experiment as changed, or why nothing changed. */
export type ExperimentPayload = AlreadyExistsError | Experiment | InvalidStateError | NotFoundError | PermissionDeniedError | ValidationError;

/** How to order experiments. */
export type ExperimentSort =
  /** Fewest candidates first. */
  | 'CANDIDATE_COUNT_ASC'
  /** Most candidates first. */
  | 'CANDIDATE_COUNT_DESC'
  /** Oldest first. */
  | 'CREATED_ASC'
  /** Newest first (the default). */
  | 'CREATED_DESC'
  /** Least recent activity (its own or its candidates') first. */
  | 'LAST_ACTIVITY_ASC'
  /** Most recent activity (its own or its candidates') first. */
  | 'LAST_ACTIVITY_DESC'
  /** By name, A to Z. */
  | 'NAME_ASC'
  /** By name, Z to A. */
  | 'NAME_DESC'
  /** Least recently changed first. */
  | 'UPDATED_ASC'
  /** Most recently changed first. */
  | 'UPDATED_DESC';

/** The object's state forbids this (e.g. restoring onto a live name). */
export type InvalidStateError = UserError & {
  __typename?: 'InvalidStateError';
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** A name and a value. */
export type KeyValueInput = {
  /** The key. */
  name: Scalars['String']['input'];
  /** The value, as a string. */
  value: Scalars['String']['input'];
};

/** A metadata entry (an MLflow tag) of a candidate or experiment. */
export type Metadata = {
  __typename?: 'Metadata';
  /** The tag key, e.g. `mlflow.runName`. */
  name: Scalars['String']['output'];
  /** Its value. */
  value: Scalars['String']['output'];
};

/** id: an Experiment or Candidate global id. */
export type MetadataPayload = AlreadyExistsError | Candidate | Experiment | InvalidStateError | NotFoundError | PermissionDeniedError | ValidationError;

/** Summary of one metric of a candidate: value is the latest (MLflow's definition). */
export type Metric = {
  __typename?: 'Metric';
  /** How many points were logged. */
  count: Scalars['Long']['output'];
  /** Largest finite value; null if none. */
  max?: Maybe<Scalars['Float']['output']>;
  /** Smallest finite value; null if none. */
  min?: Maybe<Scalars['Float']['output']>;
  /** The metric key. */
  name: Scalars['String']['output'];
  /** Step of the latest value. */
  step: Scalars['Long']['output'];
  /** When the latest value was logged. */
  timestamp: Scalars['DateTime']['output'];
  /** The latest value (highest step, then latest time); null if NaN or infinite. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** The x axis of a metric history. */
export type MetricAxis =
  /** Training step. */
  | 'STEP'
  /** When each point was logged. */
  | 'TIME';

/** One metric point; logged now. */
export type MetricInput = {
  /** The metric key. */
  name: Scalars['String']['input'];
  /** Training step; 0 when omitted or null. */
  step?: InputMaybe<Scalars['Long']['input']>;
  /** The value at this step. */
  value: Scalars['Float']['input'];
};

/** One point of a metric's history. */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  /** Training step (MLflow's `step`). */
  step: Scalars['Long']['output'];
  /** When it was logged. */
  timestamp: Scalars['DateTime']['output'];
  /** Null when NaN or infinite. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A metric point just logged. */
export type MetricPointEvent = {
  __typename?: 'MetricPointEvent';
  /** The candidate's global id. */
  candidateId: Scalars['ID']['output'];
  /** The metric key. */
  name: Scalars['String']['output'];
  /** Training step (MLflow's `step`). */
  step: Scalars['Long']['output'];
  /** When it was logged. */
  timestamp: Scalars['DateTime']['output'];
  /** Null when NaN or infinite. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** The downsampled history of one metric of one candidate: as `points`, or as the parallel lists `steps`, `values` and `timestamps` (the same points, far cheaper to serialize when many series of many points are compared). */
export type MetricSeries = {
  __typename?: 'MetricSeries';
  /** The candidate's global id. */
  candidateId: Scalars['ID']['output'];
  /** The metric key. */
  name: Scalars['String']['output'];
  /** Its points, in step order. */
  points: Array<MetricPoint>;
  /** The steps of its points, in order. */
  steps: Array<Scalars['Long']['output']>;
  /** When each of its points was logged, in order. */
  timestamps: Array<Scalars['DateTime']['output']>;
  /** The values of its points, in order; null if NaN or infinite. */
  values: Array<Maybe<Scalars['Float']['output']>>;
};

/** A logged model a candidate produced, at a step. */
export type ModelOutput = {
  __typename?: 'ModelOutput';
  /** The MLflow logged model id. */
  modelId: Scalars['String']['output'];
  /** The training step it was logged at. */
  step: Scalars['Long']['output'];
};

/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add a member to a project (Maintainer). */
  addProjectMember: ProjectPayload;
  /** Create a personal access token; the secret is shown once. */
  createAccessToken: CreateAccessTokenPayload;
  /** Create a candidate with params, metrics and metadata (Developer). */
  createCandidate: CandidatePayload;
  /** Create an experiment (Developer). */
  createExperiment: ExperimentPayload;
  /** Create a project owned by you (needs a token that may write). */
  createProject: ProjectPayload;
  /** Soft-delete a candidate (Developer). */
  deleteCandidate: CandidatePayload;
  /** Soft-delete an experiment; its name is freed (Maintainer). */
  deleteExperiment: ExperimentPayload;
  /** Delete a metadata entry of an experiment or candidate (Developer). */
  deleteMetadata: MetadataPayload;
  /** Remove a deleted candidate and its data for good (Maintainer). */
  purgeCandidate: PurgePayload;
  /** Remove a deleted experiment and its candidates for good (Maintainer). */
  purgeExperiment: PurgePayload;
  /** Remove a member from a project (Maintainer). */
  removeProjectMember: ProjectPayload;
  /** Restore a deleted candidate (Developer). */
  restoreCandidate: CandidatePayload;
  /** Restore a deleted experiment (Maintainer). */
  restoreExperiment: ExperimentPayload;
  /** Revoke one of your personal access tokens. */
  revokeAccessToken: AccessTokenPayload;
  /** Set a metadata entry of an experiment or candidate (Developer). */
  setMetadata: MetadataPayload;
  /** Start a web session: sets the `labbook_session` cookie. */
  signIn: SignInPayload;
  /** End the web session and clear its cookie. */
  signOut: Scalars['Boolean']['output'];
  /** Rename, describe or change the status of a candidate (Developer). */
  updateCandidate: CandidatePayload;
  /** Rename an experiment (Developer). */
  updateExperiment: ExperimentPayload;
  /** Change a member's role (Maintainer). */
  updateProjectMember: ProjectPayload;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationAddProjectMemberArgs = {
  input: ProjectMemberInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationCreateAccessTokenArgs = {
  input: CreateAccessTokenInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationCreateCandidateArgs = {
  input: CreateCandidateInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationCreateExperimentArgs = {
  input: CreateExperimentInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationDeleteCandidateArgs = {
  input: CandidateIdInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationDeleteExperimentArgs = {
  input: ExperimentIdInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationDeleteMetadataArgs = {
  input: DeleteMetadataInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationPurgeCandidateArgs = {
  input: PurgeInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationPurgeExperimentArgs = {
  input: PurgeInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationRemoveProjectMemberArgs = {
  input: RemoveProjectMemberInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationRestoreCandidateArgs = {
  input: CandidateIdInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationRestoreExperimentArgs = {
  input: ExperimentIdInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationRevokeAccessTokenArgs = {
  input: AccessTokenIdInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationSetMetadataArgs = {
  input: SetMetadataInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationSignInArgs = {
  input: SignInInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationUpdateCandidateArgs = {
  input: UpdateCandidateInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationUpdateExperimentArgs = {
  input: UpdateExperimentInput;
};


/** Change the graph. Payloads are unions: the changed object, or a typed error (`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in parentheses are the least a caller needs in the project. */
export type MutationUpdateProjectMemberArgs = {
  input: ProjectMemberInput;
};

/** An object with a globally unique id, fetchable by `node(id:)`. */
export type Node = {
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
};

/** The object does not exist or is not visible to you. */
export type NotFoundError = UserError & {
  __typename?: 'NotFoundError';
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** Where a page sits in its connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to go on. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More nodes follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** More nodes precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Pass as `before` to go back. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A hyperparameter of a candidate (write-once). */
export type Param = {
  __typename?: 'Param';
  /** The param key. */
  name: Scalars['String']['output'];
  /** Its value, as logged (a string). */
  value: Scalars['String']['output'];
};

/** You are signed in but your role or token scope is not enough. */
export type PermissionDeniedError = UserError & {
  __typename?: 'PermissionDeniedError';
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** A project: experiments, members, MLflow endpoint. */
export type Project = Node & {
  __typename?: 'Project';
  /** A candidate by its number in this project. */
  candidate?: Maybe<Candidate>;
  /** The caller's role; admins count as OWNER; null if none. */
  currentUserAccessLevel?: Maybe<AccessLevel>;
  /** Free text. */
  description: Scalars['String']['output'];
  /** An experiment by its number in this project. */
  experiment?: Maybe<Experiment>;
  /** Experiments; `search` matches a substring of the name. */
  experiments: ExperimentConnection;
  /** The URL-safe path, e.g. `default` or `team/vision`. */
  fullPath: Scalars['String']['output'];
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Members and their roles. */
  members: Array<ProjectMember>;
  /** What to set as MLFLOW_TRACKING_URI for this project. */
  mlflowTrackingUri: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** `private` or `public`. */
  visibility: Scalars['String']['output'];
};


/** A project: experiments, members, MLflow endpoint. */
export type ProjectCandidateArgs = {
  iid: Scalars['Int']['input'];
};


/** A project: experiments, members, MLflow endpoint. */
export type ProjectExperimentArgs = {
  iid: Scalars['Int']['input'];
};


/** A project: experiments, members, MLflow endpoint. */
export type ProjectExperimentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ExperimentSort>;
};

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The nodes with their cursors. */
  edges: Array<ProjectEdge>;
  /** The nodes of this page (the edges without cursors). */
  nodes: Array<Project>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many nodes match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A node and the cursor to page after or before it. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The object at this position. */
  node: Project;
};

/** A member of a project and their role. */
export type ProjectMember = {
  __typename?: 'ProjectMember';
  /** Their role. */
  accessLevel: AccessLevel;
  /** The member. */
  user: User;
};

/** Give a user a role in a project (adds or changes). */
export type ProjectMemberInput = {
  /** The role to give; a project's last owner cannot be demoted. */
  accessLevel: AccessLevel;
  /** Project path or numeric id. */
  projectPath: Scalars['ID']['input'];
  /** The user's sign-in name. */
  username: Scalars['String']['input'];
};

/** The project as changed, or why nothing changed. */
export type ProjectPayload = AlreadyExistsError | InvalidStateError | NotFoundError | PermissionDeniedError | Project | ValidationError;

/** A soft-deleted experiment or candidate, by global id. */
export type PurgeInput = {
  /** An Experiment or Candidate global id; it must be soft-deleted already. */
  id: Scalars['ID']['input'];
};

/** What was purged, or why nothing was (InvalidStateError if not deleted first). */
export type PurgePayload = AlreadyExistsError | InvalidStateError | NotFoundError | PermissionDeniedError | Purged | ValidationError;

/** The global id of what was removed for good. */
export type Purged = {
  __typename?: 'Purged';
  /** The global id of the purged experiment or candidate; it no longer resolves. */
  id: Scalars['ID']['output'];
};

/** Read the graph of projects, experiments and candidates. */
export type Query = {
  __typename?: 'Query';
  /** Your personal access tokens (not their secrets). */
  accessTokens: Array<AccessToken>;
  /** Downsampled histories of `names` for each candidate (a comparison chart). */
  compareMetrics: Array<MetricSeries>;
  /** The signed-in user, or null. */
  currentUser?: Maybe<User>;
  /** Any object by its global id. */
  node?: Maybe<Node>;
  /** A project by path or numeric id; null if you cannot see it. */
  project?: Maybe<Project>;
  /** Projects you can see; `search` matches part of the path. */
  projects: ProjectConnection;
};


/** Read the graph of projects, experiments and candidates. */
export type QueryCompareMetricsArgs = {
  candidateIds: Array<Scalars['ID']['input']>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  names: Array<Scalars['String']['input']>;
};


/** Read the graph of projects, experiments and candidates. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read the graph of projects, experiments and candidates. */
export type QueryProjectArgs = {
  fullPath: Scalars['ID']['input'];
};


/** Read the graph of projects, experiments and candidates. */
export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Remove a user from a project. */
export type RemoveProjectMemberInput = {
  /** Project path or numeric id. */
  projectPath: Scalars['ID']['input'];
  /** The member's sign-in name; a project's last owner cannot be removed. */
  username: Scalars['String']['input'];
};

/** Set (or overwrite) one metadata entry. */
export type SetMetadataInput = {
  /** An Experiment or Candidate global id. */
  id: Scalars['ID']['input'];
  /** The key; on a candidate, `mlflow.runName` renames it and `mlflow.note.content` sets its description. */
  name: Scalars['String']['input'];
  /** The value; replaces any existing one. */
  value: Scalars['String']['input'];
};

/** Username and password. */
export type SignInInput = {
  /** The account's password. */
  password: Scalars['String']['input'];
  /** The sign-in name. */
  username: Scalars['String']['input'];
};

/** The signed-in user, or AuthenticationError for a wrong username or password. */
export type SignInPayload = AuthenticationError | User;

/** Live updates while training runs. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Candidates of an experiment created, updated (new params, metadata and metric points included) or deleted, each as it is when the event is sent. Changes that arrive together are sent once per candidate. */
  candidateEvents: CandidateEvent;
  /** Metric points of a candidate as they are logged, optionally of some names only. A reader that falls far behind loses the oldest points. */
  metricPoints: MetricPointEvent;
};


/** Live updates while training runs. */
export type SubscriptionCandidateEventsArgs = {
  experimentId: Scalars['ID']['input'];
};


/** Live updates while training runs. */
export type SubscriptionMetricPointsArgs = {
  candidateId: Scalars['ID']['input'];
  names?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Change a candidate; omitted fields stay as they are. */
export type UpdateCandidateInput = {
  /** New Markdown description (MLflow's note tag); "" clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The candidate's global id. */
  id: Scalars['ID']['input'];
  /** New run name (also set as `mlflow.runName`); "" keeps it. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New run status; the end time is left as it is. */
  status?: InputMaybe<CandidateStatus>;
};

/** Rename an experiment. */
export type UpdateExperimentInput = {
  /** The experiment's global id. */
  id: Scalars['ID']['input'];
  /** The new name, unique among the project's live experiments. */
  name: Scalars['String']['input'];
};

/** A person with an account. */
export type User = Node & {
  __typename?: 'User';
  /** Globally unique, opaque id. */
  id: Scalars['ID']['output'];
  /** Administrators may do everything. */
  isAdmin: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Unique sign-in name. */
  username: Scalars['String']['output'];
};

/** Errors returned as members of mutation payload unions. */
export type UserError = {
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

/** The input is malformed or out of range. */
export type ValidationError = UserError & {
  __typename?: 'ValidationError';
  /** The offending input. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong, safe to show. */
  message: Scalars['String']['output'];
};

export type AccessTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessTokensQuery = { __typename?: 'Query', accessTokens: Array<{ __typename?: 'AccessToken', id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null, revokedAt?: string | null }> };

export type AddProjectMemberMutationVariables = Exact<{
  input: ProjectMemberInput;
}>;


export type AddProjectMemberMutation = { __typename?: 'Mutation', addProjectMember: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'Project', id: string, members: Array<{ __typename?: 'ProjectMember', accessLevel: AccessLevel, user: { __typename?: 'User', id: string, username: string, name: string } }> } | { __typename: 'ValidationError', message: string } };

export type CandidateQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
}>;


export type CandidateQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, fullPath: string, candidate?: { __typename?: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } } | null } | null };

export type CandidateArtifactsQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
  path?: InputMaybe<Scalars['String']['input']>;
}>;


export type CandidateArtifactsQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, candidate?: { __typename?: 'Candidate', id: string, artifacts: Array<{ __typename?: 'Artifact', path: string, name: string, isDir: boolean, size?: number | null, downloadPath?: string | null }>, artifactPackage?: { __typename?: 'ArtifactPackage', name: string, version: string, fileCount: number, size: number, apiPath: string } | null } | null } | null };

export type CandidateEventsSubscriptionVariables = Exact<{
  experimentId: Scalars['ID']['input'];
}>;


export type CandidateEventsSubscription = { __typename?: 'Subscription', candidateEvents: { __typename?: 'CandidateEvent', kind: CandidateEventKind, candidate: { __typename?: 'Candidate', id: string, iid: number, name: string, status: CandidateStatus, startTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string } | null, params: Array<{ __typename?: 'Param', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, min?: number | null, max?: number | null }> } } };

export type CandidateFieldsFragment = { __typename?: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } };

export type CandidateLineageQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
}>;


export type CandidateLineageQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, candidate?: { __typename?: 'Candidate', id: string, modelInputs: Array<string>, datasets: Array<{ __typename?: 'DatasetInput', name: string, digest: string, sourceType: string, source: string, schema?: string | null, profile?: string | null, tags: Array<{ __typename?: 'Metadata', name: string, value: string }> }>, modelOutputs: Array<{ __typename?: 'ModelOutput', modelId: string, step: number }> } | null } | null };

type CandidatePayloadFields_AlreadyExistsError_Fragment = { __typename: 'AlreadyExistsError', message: string };

type CandidatePayloadFields_Candidate_Fragment = { __typename: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } };

type CandidatePayloadFields_InvalidStateError_Fragment = { __typename: 'InvalidStateError', message: string };

type CandidatePayloadFields_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string };

type CandidatePayloadFields_PermissionDeniedError_Fragment = { __typename: 'PermissionDeniedError', message: string };

type CandidatePayloadFields_ValidationError_Fragment = { __typename: 'ValidationError', message: string };

export type CandidatePayloadFieldsFragment = CandidatePayloadFields_AlreadyExistsError_Fragment | CandidatePayloadFields_Candidate_Fragment | CandidatePayloadFields_InvalidStateError_Fragment | CandidatePayloadFields_NotFoundError_Fragment | CandidatePayloadFields_PermissionDeniedError_Fragment | CandidatePayloadFields_ValidationError_Fragment;

export type CandidateRowFragment = { __typename?: 'Candidate', id: string, iid: number, name: string, status: CandidateStatus, startTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string } | null, params: Array<{ __typename?: 'Param', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, min?: number | null, max?: number | null }> };

export type ChartMetricsQueryVariables = Exact<{
  candidateIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  names: Array<Scalars['String']['input']> | Scalars['String']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ChartMetricsQuery = { __typename?: 'Query', compareMetrics: Array<{ __typename?: 'MetricSeries', candidateId: string, name: string, steps: Array<number>, values: Array<number | null>, timestamps: Array<string> }> };

export type CompareMetricsQueryVariables = Exact<{
  candidateIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  names: Array<Scalars['String']['input']> | Scalars['String']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CompareMetricsQuery = { __typename?: 'Query', compareMetrics: Array<{ __typename?: 'MetricSeries', candidateId: string, name: string, steps: Array<number>, values: Array<number | null> }> };

export type CreateAccessTokenMutationVariables = Exact<{
  input: CreateAccessTokenInput;
}>;


export type CreateAccessTokenMutation = { __typename?: 'Mutation', createAccessToken: { __typename: 'AccessTokenCreated', secret: string, token: { __typename?: 'AccessToken', id: string, name: string, prefix: string, scopes: Array<string>, expiresAt?: string | null } } | { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type CreateCandidateMutationVariables = Exact<{
  input: CreateCandidateInput;
}>;


export type CreateCandidateMutation = { __typename?: 'Mutation', createCandidate: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate', id: string, iid: number, name: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string, field?: string | null } };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { __typename?: 'Mutation', createExperiment: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { __typename?: 'Query', currentUser?: { __typename?: 'User', id: string, username: string, name: string, isAdmin: boolean } | null };

export type DeleteCandidateMutationVariables = Exact<{
  input: CandidateIdInput;
}>;


export type DeleteCandidateMutation = { __typename?: 'Mutation', deleteCandidate: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type DeleteExperimentMutationVariables = Exact<{
  input: ExperimentIdInput;
}>;


export type DeleteExperimentMutation = { __typename?: 'Mutation', deleteExperiment: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type DeleteMetadataMutationVariables = Exact<{
  input: DeleteMetadataInput;
}>;


export type DeleteMetadataMutation = { __typename?: 'Mutation', deleteMetadata: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate' } | { __typename: 'Experiment' } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type ExperimentQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
}>;


export type ExperimentQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, fullPath: string, name: string, mlflowTrackingUri: string, currentUserAccessLevel?: AccessLevel | null, experiment?: { __typename?: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> } | null } | null };

export type ExperimentCandidatesQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
  filter?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<CandidateStatus>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExperimentCandidatesQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, experiment?: { __typename?: 'Experiment', id: string, candidates: { __typename?: 'CandidateConnection', totalCount: number, nodes: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string, status: CandidateStatus, startTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string } | null, params: Array<{ __typename?: 'Param', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, min?: number | null, max?: number | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null } | null };

export type ExperimentFieldsFragment = { __typename?: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> };

export type ExperimentKeysQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
}>;


export type ExperimentKeysQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, experiment?: { __typename?: 'Experiment', id: string, paramKeys: Array<string>, metricKeys: Array<string> } | null } | null };

type ExperimentPayloadFields_AlreadyExistsError_Fragment = { __typename: 'AlreadyExistsError', message: string };

type ExperimentPayloadFields_Experiment_Fragment = { __typename: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> };

type ExperimentPayloadFields_InvalidStateError_Fragment = { __typename: 'InvalidStateError', message: string };

type ExperimentPayloadFields_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string };

type ExperimentPayloadFields_PermissionDeniedError_Fragment = { __typename: 'PermissionDeniedError', message: string };

type ExperimentPayloadFields_ValidationError_Fragment = { __typename: 'ValidationError', message: string };

export type ExperimentPayloadFieldsFragment = ExperimentPayloadFields_AlreadyExistsError_Fragment | ExperimentPayloadFields_Experiment_Fragment | ExperimentPayloadFields_InvalidStateError_Fragment | ExperimentPayloadFields_NotFoundError_Fragment | ExperimentPayloadFields_PermissionDeniedError_Fragment | ExperimentPayloadFields_ValidationError_Fragment;

export type ExperimentsQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ExperimentSort>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExperimentsQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, fullPath: string, name: string, mlflowTrackingUri: string, currentUserAccessLevel?: AccessLevel | null, experiments: { __typename?: 'ExperimentConnection', totalCount: number, nodes: Array<{ __typename?: 'Experiment', id: string, iid: number, name: string, candidateCount: number, createdAt: string, lastActivityAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } | null };

export type MetricHistoryQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
  iid: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  minStep?: InputMaybe<Scalars['Long']['input']>;
  maxStep?: InputMaybe<Scalars['Long']['input']>;
}>;


export type MetricHistoryQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, candidate?: { __typename?: 'Candidate', id: string, metricHistory: Array<{ __typename?: 'MetricPoint', step: number, timestamp: string, value?: number | null }> } | null } | null };

export type MetricPointsSubscriptionVariables = Exact<{
  candidateId: Scalars['ID']['input'];
}>;


export type MetricPointsSubscription = { __typename?: 'Subscription', metricPoints: { __typename?: 'MetricPointEvent', name: string, step: number } };

export type ProjectMemberFieldsFragment = { __typename?: 'ProjectMember', accessLevel: AccessLevel, user: { __typename?: 'User', id: string, username: string, name: string } };

export type ProjectMembersQueryVariables = Exact<{
  fullPath: Scalars['ID']['input'];
}>;


export type ProjectMembersQuery = { __typename?: 'Query', project?: { __typename?: 'Project', id: string, fullPath: string, name: string, currentUserAccessLevel?: AccessLevel | null, members: Array<{ __typename?: 'ProjectMember', accessLevel: AccessLevel, user: { __typename?: 'User', id: string, username: string, name: string } }> } | null };

export type ProjectsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProjectsQuery = { __typename?: 'Query', projects: { __typename?: 'ProjectConnection', totalCount: number, nodes: Array<{ __typename?: 'Project', id: string, fullPath: string, name: string, description: string, visibility: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PurgeCandidateMutationVariables = Exact<{
  input: PurgeInput;
}>;


export type PurgeCandidateMutation = { __typename?: 'Mutation', purgeCandidate: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'Purged', id: string } | { __typename: 'ValidationError', message: string } };

export type PurgeExperimentMutationVariables = Exact<{
  input: PurgeInput;
}>;


export type PurgeExperimentMutation = { __typename?: 'Mutation', purgeExperiment: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'Purged', id: string } | { __typename: 'ValidationError', message: string } };

export type RemoveProjectMemberMutationVariables = Exact<{
  input: RemoveProjectMemberInput;
}>;


export type RemoveProjectMemberMutation = { __typename?: 'Mutation', removeProjectMember: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'Project', id: string, members: Array<{ __typename?: 'ProjectMember', accessLevel: AccessLevel, user: { __typename?: 'User', id: string, username: string, name: string } }> } | { __typename: 'ValidationError', message: string } };

export type RestoreCandidateMutationVariables = Exact<{
  input: CandidateIdInput;
}>;


export type RestoreCandidateMutation = { __typename?: 'Mutation', restoreCandidate: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type RestoreExperimentMutationVariables = Exact<{
  input: ExperimentIdInput;
}>;


export type RestoreExperimentMutation = { __typename?: 'Mutation', restoreExperiment: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type RevokeAccessTokenMutationVariables = Exact<{
  input: AccessTokenIdInput;
}>;


export type RevokeAccessTokenMutation = { __typename?: 'Mutation', revokeAccessToken: { __typename: 'AccessToken', id: string, revokedAt?: string | null } | { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type SetMetadataMutationVariables = Exact<{
  input: SetMetadataInput;
}>;


export type SetMetadataMutation = { __typename?: 'Mutation', setMetadata: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate' } | { __typename: 'Experiment' } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename: 'AuthenticationError', message: string } | { __typename: 'User', id: string, username: string, name: string, isAdmin: boolean } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type UpdateCandidateMutationVariables = Exact<{
  input: UpdateCandidateInput;
}>;


export type UpdateCandidateMutation = { __typename?: 'Mutation', updateCandidate: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Candidate', id: string, iid: number, eid: string, name: string, description: string, status: CandidateStatus, startTime?: string | null, endTime?: string | null, duration?: number | null, createdAt: string, deletedAt?: string | null, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, experiment: { __typename?: 'Experiment', id: string, iid: number, name: string }, parent?: { __typename?: 'Candidate', id: string, iid: number, name: string } | null, children: Array<{ __typename?: 'Candidate', id: string, iid: number, name: string }>, params: Array<{ __typename?: 'Param', name: string, value: string }>, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }>, metrics: Array<{ __typename?: 'Metric', name: string, value?: number | null, step: number, timestamp: string, min?: number | null, max?: number | null, count: number }>, links: { __typename?: 'CandidateLinks', webPath: string, mlflowRunId: string, artifactPath?: string | null } } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type UpdateExperimentMutationVariables = Exact<{
  input: UpdateExperimentInput;
}>;


export type UpdateExperimentMutation = { __typename?: 'Mutation', updateExperiment: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'Experiment', id: string, iid: number, name: string, createdAt: string, updatedAt: string, deletedAt?: string | null, candidateCount: number, lastActivityAt: string, creator?: { __typename?: 'User', id: string, username: string, name: string } | null, metadata: Array<{ __typename?: 'Metadata', name: string, value: string }> } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'ValidationError', message: string } };

export type UpdateProjectMemberMutationVariables = Exact<{
  input: ProjectMemberInput;
}>;


export type UpdateProjectMemberMutation = { __typename?: 'Mutation', updateProjectMember: { __typename: 'AlreadyExistsError', message: string } | { __typename: 'InvalidStateError', message: string } | { __typename: 'NotFoundError', message: string } | { __typename: 'PermissionDeniedError', message: string } | { __typename: 'Project', id: string, members: Array<{ __typename?: 'ProjectMember', accessLevel: AccessLevel, user: { __typename?: 'User', id: string, username: string, name: string } }> } | { __typename: 'ValidationError', message: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CandidateFieldsFragmentDoc = new TypedDocumentString(`
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}
    `, {"fragmentName":"CandidateFields"}) as unknown as TypedDocumentString<CandidateFieldsFragment, unknown>;
export const CandidatePayloadFieldsFragmentDoc = new TypedDocumentString(`
    fragment CandidatePayloadFields on CandidatePayload {
  __typename
  ... on Candidate {
    ...CandidateFields
  }
  ... on UserError {
    message
  }
}
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}`, {"fragmentName":"CandidatePayloadFields"}) as unknown as TypedDocumentString<CandidatePayloadFieldsFragment, unknown>;
export const CandidateRowFragmentDoc = new TypedDocumentString(`
    fragment CandidateRow on Candidate {
  id
  iid
  name
  status
  startTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
  }
  params {
    name
    value
  }
  metrics {
    name
    value
    min
    max
  }
}
    `, {"fragmentName":"CandidateRow"}) as unknown as TypedDocumentString<CandidateRowFragment, unknown>;
export const ExperimentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}
    `, {"fragmentName":"ExperimentFields"}) as unknown as TypedDocumentString<ExperimentFieldsFragment, unknown>;
export const ExperimentPayloadFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExperimentPayloadFields on ExperimentPayload {
  __typename
  ... on Experiment {
    ...ExperimentFields
  }
  ... on UserError {
    message
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}`, {"fragmentName":"ExperimentPayloadFields"}) as unknown as TypedDocumentString<ExperimentPayloadFieldsFragment, unknown>;
export const ProjectMemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectMemberFields on ProjectMember {
  accessLevel
  user {
    id
    username
    name
  }
}
    `, {"fragmentName":"ProjectMemberFields"}) as unknown as TypedDocumentString<ProjectMemberFieldsFragment, unknown>;
export const AccessTokensDocument = new TypedDocumentString(`
    query AccessTokens {
  accessTokens {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<AccessTokensQuery, AccessTokensQueryVariables>;
export const AddProjectMemberDocument = new TypedDocumentString(`
    mutation AddProjectMember($input: ProjectMemberInput!) {
  addProjectMember(input: $input) {
    __typename
    ... on Project {
      id
      members {
        ...ProjectMemberFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  accessLevel
  user {
    id
    username
    name
  }
}`) as unknown as TypedDocumentString<AddProjectMemberMutation, AddProjectMemberMutationVariables>;
export const CandidateDocument = new TypedDocumentString(`
    query Candidate($fullPath: ID!, $iid: Int!) {
  project(fullPath: $fullPath) {
    id
    fullPath
    candidate(iid: $iid) {
      ...CandidateFields
    }
  }
}
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}`) as unknown as TypedDocumentString<CandidateQuery, CandidateQueryVariables>;
export const CandidateArtifactsDocument = new TypedDocumentString(`
    query CandidateArtifacts($fullPath: ID!, $iid: Int!, $path: String) {
  project(fullPath: $fullPath) {
    id
    candidate(iid: $iid) {
      id
      artifacts(path: $path) {
        path
        name
        isDir
        size
        downloadPath
      }
      artifactPackage {
        name
        version
        fileCount
        size
        apiPath
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidateArtifactsQuery, CandidateArtifactsQueryVariables>;
export const CandidateEventsDocument = new TypedDocumentString(`
    subscription CandidateEvents($experimentId: ID!) {
  candidateEvents(experimentId: $experimentId) {
    kind
    candidate {
      ...CandidateRow
    }
  }
}
    fragment CandidateRow on Candidate {
  id
  iid
  name
  status
  startTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
  }
  params {
    name
    value
  }
  metrics {
    name
    value
    min
    max
  }
}`) as unknown as TypedDocumentString<CandidateEventsSubscription, CandidateEventsSubscriptionVariables>;
export const CandidateLineageDocument = new TypedDocumentString(`
    query CandidateLineage($fullPath: ID!, $iid: Int!) {
  project(fullPath: $fullPath) {
    id
    candidate(iid: $iid) {
      id
      datasets {
        name
        digest
        sourceType
        source
        schema
        profile
        tags {
          name
          value
        }
      }
      modelInputs
      modelOutputs {
        modelId
        step
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidateLineageQuery, CandidateLineageQueryVariables>;
export const ChartMetricsDocument = new TypedDocumentString(`
    query ChartMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {
  compareMetrics(
    candidateIds: $candidateIds
    names: $names
    maxPoints: $maxPoints
  ) {
    candidateId
    name
    steps
    values
    timestamps
  }
}
    `) as unknown as TypedDocumentString<ChartMetricsQuery, ChartMetricsQueryVariables>;
export const CompareMetricsDocument = new TypedDocumentString(`
    query CompareMetrics($candidateIds: [ID!]!, $names: [String!]!, $maxPoints: Int) {
  compareMetrics(
    candidateIds: $candidateIds
    names: $names
    maxPoints: $maxPoints
  ) {
    candidateId
    name
    steps
    values
  }
}
    `) as unknown as TypedDocumentString<CompareMetricsQuery, CompareMetricsQueryVariables>;
export const CreateAccessTokenDocument = new TypedDocumentString(`
    mutation CreateAccessToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    __typename
    ... on AccessTokenCreated {
      secret
      token {
        id
        name
        prefix
        scopes
        expiresAt
      }
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateAccessTokenMutation, CreateAccessTokenMutationVariables>;
export const CreateCandidateDocument = new TypedDocumentString(`
    mutation CreateCandidate($input: CreateCandidateInput!) {
  createCandidate(input: $input) {
    __typename
    ... on Candidate {
      id
      iid
      name
    }
    ... on UserError {
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `) as unknown as TypedDocumentString<CreateCandidateMutation, CreateCandidateMutationVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    ...ExperimentPayloadFields
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}
fragment ExperimentPayloadFields on ExperimentPayload {
  __typename
  ... on Experiment {
    ...ExperimentFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const CurrentUserDocument = new TypedDocumentString(`
    query CurrentUser {
  currentUser {
    id
    username
    name
    isAdmin
  }
}
    `) as unknown as TypedDocumentString<CurrentUserQuery, CurrentUserQueryVariables>;
export const DeleteCandidateDocument = new TypedDocumentString(`
    mutation DeleteCandidate($input: CandidateIdInput!) {
  deleteCandidate(input: $input) {
    ...CandidatePayloadFields
  }
}
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}
fragment CandidatePayloadFields on CandidatePayload {
  __typename
  ... on Candidate {
    ...CandidateFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<DeleteCandidateMutation, DeleteCandidateMutationVariables>;
export const DeleteExperimentDocument = new TypedDocumentString(`
    mutation DeleteExperiment($input: ExperimentIdInput!) {
  deleteExperiment(input: $input) {
    ...ExperimentPayloadFields
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}
fragment ExperimentPayloadFields on ExperimentPayload {
  __typename
  ... on Experiment {
    ...ExperimentFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<DeleteExperimentMutation, DeleteExperimentMutationVariables>;
export const DeleteMetadataDocument = new TypedDocumentString(`
    mutation DeleteMetadata($input: DeleteMetadataInput!) {
  deleteMetadata(input: $input) {
    __typename
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteMetadataMutation, DeleteMetadataMutationVariables>;
export const ExperimentDocument = new TypedDocumentString(`
    query Experiment($fullPath: ID!, $iid: Int!) {
  project(fullPath: $fullPath) {
    id
    fullPath
    name
    mlflowTrackingUri
    currentUserAccessLevel
    experiment(iid: $iid) {
      ...ExperimentFields
    }
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}`) as unknown as TypedDocumentString<ExperimentQuery, ExperimentQueryVariables>;
export const ExperimentCandidatesDocument = new TypedDocumentString(`
    query ExperimentCandidates($fullPath: ID!, $iid: Int!, $filter: String, $sort: String, $status: CandidateStatus, $includeDeleted: Boolean, $first: Int, $after: String) {
  project(fullPath: $fullPath) {
    id
    experiment(iid: $iid) {
      id
      candidates(
        filter: $filter
        sort: $sort
        status: $status
        includeDeleted: $includeDeleted
        first: $first
        after: $after
      ) {
        totalCount
        nodes {
          ...CandidateRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    fragment CandidateRow on Candidate {
  id
  iid
  name
  status
  startTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
  }
  params {
    name
    value
  }
  metrics {
    name
    value
    min
    max
  }
}`) as unknown as TypedDocumentString<ExperimentCandidatesQuery, ExperimentCandidatesQueryVariables>;
export const ExperimentKeysDocument = new TypedDocumentString(`
    query ExperimentKeys($fullPath: ID!, $iid: Int!) {
  project(fullPath: $fullPath) {
    id
    experiment(iid: $iid) {
      id
      paramKeys
      metricKeys
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentKeysQuery, ExperimentKeysQueryVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments($fullPath: ID!, $search: String, $sort: ExperimentSort, $includeDeleted: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  project(fullPath: $fullPath) {
    id
    fullPath
    name
    mlflowTrackingUri
    currentUserAccessLevel
    experiments(
      search: $search
      sort: $sort
      includeDeleted: $includeDeleted
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      nodes {
        id
        iid
        name
        candidateCount
        createdAt
        lastActivityAt
        deletedAt
        creator {
          id
          username
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const MetricHistoryDocument = new TypedDocumentString(`
    query MetricHistory($fullPath: ID!, $iid: Int!, $name: String!, $maxPoints: Int, $minStep: Long, $maxStep: Long) {
  project(fullPath: $fullPath) {
    id
    candidate(iid: $iid) {
      id
      metricHistory(
        name: $name
        maxPoints: $maxPoints
        minStep: $minStep
        maxStep: $maxStep
      ) {
        step
        timestamp
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MetricHistoryQuery, MetricHistoryQueryVariables>;
export const MetricPointsDocument = new TypedDocumentString(`
    subscription MetricPoints($candidateId: ID!) {
  metricPoints(candidateId: $candidateId) {
    name
    step
  }
}
    `) as unknown as TypedDocumentString<MetricPointsSubscription, MetricPointsSubscriptionVariables>;
export const ProjectMembersDocument = new TypedDocumentString(`
    query ProjectMembers($fullPath: ID!) {
  project(fullPath: $fullPath) {
    id
    fullPath
    name
    currentUserAccessLevel
    members {
      ...ProjectMemberFields
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  accessLevel
  user {
    id
    username
    name
  }
}`) as unknown as TypedDocumentString<ProjectMembersQuery, ProjectMembersQueryVariables>;
export const ProjectsDocument = new TypedDocumentString(`
    query Projects($search: String, $first: Int, $after: String) {
  projects(search: $search, first: $first, after: $after) {
    totalCount
    nodes {
      id
      fullPath
      name
      description
      visibility
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectsQuery, ProjectsQueryVariables>;
export const PurgeCandidateDocument = new TypedDocumentString(`
    mutation PurgeCandidate($input: PurgeInput!) {
  purgeCandidate(input: $input) {
    __typename
    ... on Purged {
      id
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PurgeCandidateMutation, PurgeCandidateMutationVariables>;
export const PurgeExperimentDocument = new TypedDocumentString(`
    mutation PurgeExperiment($input: PurgeInput!) {
  purgeExperiment(input: $input) {
    __typename
    ... on Purged {
      id
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PurgeExperimentMutation, PurgeExperimentMutationVariables>;
export const RemoveProjectMemberDocument = new TypedDocumentString(`
    mutation RemoveProjectMember($input: RemoveProjectMemberInput!) {
  removeProjectMember(input: $input) {
    __typename
    ... on Project {
      id
      members {
        ...ProjectMemberFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  accessLevel
  user {
    id
    username
    name
  }
}`) as unknown as TypedDocumentString<RemoveProjectMemberMutation, RemoveProjectMemberMutationVariables>;
export const RestoreCandidateDocument = new TypedDocumentString(`
    mutation RestoreCandidate($input: CandidateIdInput!) {
  restoreCandidate(input: $input) {
    ...CandidatePayloadFields
  }
}
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}
fragment CandidatePayloadFields on CandidatePayload {
  __typename
  ... on Candidate {
    ...CandidateFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<RestoreCandidateMutation, RestoreCandidateMutationVariables>;
export const RestoreExperimentDocument = new TypedDocumentString(`
    mutation RestoreExperiment($input: ExperimentIdInput!) {
  restoreExperiment(input: $input) {
    ...ExperimentPayloadFields
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}
fragment ExperimentPayloadFields on ExperimentPayload {
  __typename
  ... on Experiment {
    ...ExperimentFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<RestoreExperimentMutation, RestoreExperimentMutationVariables>;
export const RevokeAccessTokenDocument = new TypedDocumentString(`
    mutation RevokeAccessToken($input: AccessTokenIdInput!) {
  revokeAccessToken(input: $input) {
    __typename
    ... on AccessToken {
      id
      revokedAt
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeAccessTokenMutation, RevokeAccessTokenMutationVariables>;
export const SetMetadataDocument = new TypedDocumentString(`
    mutation SetMetadata($input: SetMetadataInput!) {
  setMetadata(input: $input) {
    __typename
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetMetadataMutation, SetMetadataMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on User {
      id
      username
      name
      isAdmin
    }
    ... on AuthenticationError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const UpdateCandidateDocument = new TypedDocumentString(`
    mutation UpdateCandidate($input: UpdateCandidateInput!) {
  updateCandidate(input: $input) {
    ...CandidatePayloadFields
  }
}
    fragment CandidateFields on Candidate {
  id
  iid
  eid
  name
  description
  status
  startTime
  endTime
  duration
  createdAt
  deletedAt
  creator {
    id
    username
    name
  }
  experiment {
    id
    iid
    name
  }
  parent {
    id
    iid
    name
  }
  children {
    id
    iid
    name
  }
  params {
    name
    value
  }
  metadata {
    name
    value
  }
  metrics {
    name
    value
    step
    timestamp
    min
    max
    count
  }
  links {
    webPath
    mlflowRunId
    artifactPath
  }
}
fragment CandidatePayloadFields on CandidatePayload {
  __typename
  ... on Candidate {
    ...CandidateFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<UpdateCandidateMutation, UpdateCandidateMutationVariables>;
export const UpdateExperimentDocument = new TypedDocumentString(`
    mutation UpdateExperiment($input: UpdateExperimentInput!) {
  updateExperiment(input: $input) {
    ...ExperimentPayloadFields
  }
}
    fragment ExperimentFields on Experiment {
  id
  iid
  name
  createdAt
  updatedAt
  deletedAt
  candidateCount
  lastActivityAt
  creator {
    id
    username
    name
  }
  metadata {
    name
    value
  }
}
fragment ExperimentPayloadFields on ExperimentPayload {
  __typename
  ... on Experiment {
    ...ExperimentFields
  }
  ... on UserError {
    message
  }
}`) as unknown as TypedDocumentString<UpdateExperimentMutation, UpdateExperimentMutationVariables>;
export const UpdateProjectMemberDocument = new TypedDocumentString(`
    mutation UpdateProjectMember($input: ProjectMemberInput!) {
  updateProjectMember(input: $input) {
    __typename
    ... on Project {
      id
      members {
        ...ProjectMemberFields
      }
    }
    ... on UserError {
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  accessLevel
  user {
    id
    username
    name
  }
}`) as unknown as TypedDocumentString<UpdateProjectMemberMutation, UpdateProjectMemberMutationVariables>;