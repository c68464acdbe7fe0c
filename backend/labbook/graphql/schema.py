"""The schema: query and mutation roots, the types they reach, and the protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from graphql import GraphQLError
from labbook.graphql.errors import ErrorCodes, RejectBadCredentials, log_unexpected, masking
from labbook.graphql.mutations.candidates import CandidateMutations
from labbook.graphql.mutations.experiments import ExperimentMutations
from labbook.graphql.mutations.metadata import MetadataMutations
from labbook.graphql.mutations.projects import ProjectMutations
from labbook.graphql.mutations.purge import PurgeMutations
from labbook.graphql.mutations.session import SessionMutations
from labbook.graphql.mutations.tokens import TokenMutations
from labbook.graphql.queries import Query
from labbook.graphql.subscriptions import Subscription
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.experiment import ExperimentType
from labbook.graphql.types.project import ProjectType
from labbook.graphql.types.user import UserType

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000

Mutation = merge_types(
    "Mutation",
    (
        SessionMutations,
        ExperimentMutations,
        CandidateMutations,
        MetadataMutations,
        TokenMutations,
        ProjectMutations,
        PurgeMutations,
    ),
)


class Schema(strawberry.Schema):
    """Strawberry's schema, logging only unexpected errors."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors, execution_context)


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[UserType, ProjectType, ExperimentType, CandidateType],
    extensions=[
        RejectBadCredentials,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        ErrorCodes,
        masking,
    ],
)
