"""search indexes: value prefixes for params and metadata, covering metric summary index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

`(name, value)` on candidate_params could not hold a param value longer than ~2.7 kB on
PostgreSQL (the insert failed); the new indexes keep a 200-character prefix and the
candidate id, so a filter on a param or tag reads the index alone.

PostgreSQL only: statistics on (name, value prefix) pairs, without which the planner takes a
param filter to be far more selective than it is and sorts every match instead of walking the
metric index; and an index that serves the default order, `start_time DESC NULLS LAST`, which
its default NULL placement (first when descending) cannot take from the plain index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIX = sa.text("substr(value, 1, 200)")


STATISTICS = {
    "st_candidate_params_name_prefix": "candidate_params",
    "st_candidate_metadata_name_prefix": "candidate_metadata",
}


def upgrade() -> None:
    op.drop_index("ix_candidate_params_name_value", table_name="candidate_params")
    op.create_index(
        "ix_candidate_params_name_prefix", "candidate_params", ["name", PREFIX, "candidate_id"]
    )
    op.create_index(
        "ix_candidate_metadata_name_prefix", "candidate_metadata", ["name", PREFIX, "candidate_id"]
    )
    op.drop_index("ix_metric_summaries_name_last", table_name="candidate_metric_summaries")
    op.create_index(
        "ix_metric_summaries_name_last",
        "candidate_metric_summaries",
        ["name", "last_value", "candidate_id"],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_candidates_experiment_start_desc",
            "candidates",
            ["experiment_id", sa.text("start_time DESC NULLS LAST"), sa.text("id DESC")],
        )
        for name, table in STATISTICS.items():
            op.execute(
                f"CREATE STATISTICS {name} (mcv, dependencies)"
                f" ON name, (substr(value, 1, 200)) FROM {table}"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in STATISTICS:
            op.execute(f"DROP STATISTICS {name}")
        op.drop_index("ix_candidates_experiment_start_desc", table_name="candidates")
    op.drop_index("ix_metric_summaries_name_last", table_name="candidate_metric_summaries")
    op.create_index(
        "ix_metric_summaries_name_last", "candidate_metric_summaries", ["name", "last_value"]
    )
    op.drop_index("ix_candidate_metadata_name_prefix", table_name="candidate_metadata")
    op.drop_index("ix_candidate_params_name_prefix", table_name="candidate_params")
    op.create_index("ix_candidate_params_name_value", "candidate_params", ["name", "value"])
