"""The schema: query and mutation roots, the types they reach, and the protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graphql import GraphQLError
from labbook.graphql.errors import ErrorCodes, RejectBadCredentials, log_unexpected, masking
from labbook.graphql.execution import ShortcutExecutionContext
from labbook.graphql.mutations.candidates import CandidateMutations
from labbook.graphql.mutations.experiments import ExperimentMutations
from labbook.graphql.mutations.metadata import MetadataMutations
from labbook.graphql.mutations.projects import ProjectMutations
from labbook.graphql.mutations.purge import PurgeMutations
from labbook.graphql.mutations.session import SessionMutations
from labbook.graphql.mutations.tokens import TokenMutations
from labbook.graphql.queries import Query
from labbook.graphql.reads import ShareReads
from labbook.graphql.subscriptions import Subscription
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.experiment import ExperimentType
from labbook.graphql.types.project import ProjectType
from labbook.graphql.types.scalars import SCALARS
from labbook.graphql.types.user import UserType

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000
CACHED_QUERIES = 256  # distinct query texts whose parse and validation are kept

# The limiters' rule classes, made once: each limiter makes new classes per instance, which
# would give every request a new validation cache key.
LIMITS = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


@strawberry.type(
    description="Change the graph. Payloads are unions: the changed object, or a typed error "
    "(`ValidationError`, `NotFoundError`, `PermissionDeniedError`, ...); a request without "
    "credentials gets a top-level error with code `UNAUTHENTICATED` instead. Roles in "
    "parentheses are the least a caller needs in the project."
)
class Mutation(
    SessionMutations,
    ExperimentMutations,
    CandidateMutations,
    MetadataMutations,
    TokenMutations,
    ProjectMutations,
    PurgeMutations,
):
    """The mutation root: every area's mutations (a name defined twice would be a mistake)."""


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
    config=StrawberryConfig(scalar_map=SCALARS),
    execution_context_class=ShortcutExecutionContext,
    extensions=[
        RejectBadCredentials,
        lambda: AddValidationRules(list(LIMITS)),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHED_QUERIES),  # the app sends the same few queries
        lambda: ValidationCache(maxsize=CACHED_QUERIES),
        ErrorCodes,
        masking,
        ShareReads,
    ],
)
