"""rollups only for long series: no pyramid for a series of fewer than ROLLUP_FROM points

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

Until now every series had a rollup pyramid. Now only a series whose summary counts at least
`labbook.store.metric_rollups.ROLLUP_FROM` points has one (readers read a shorter series'
points instead); the rows of shorter series (and any without a summary) are deleted here. A
fresh database gets none in the first place: 0005 and 0008 fill the table with the live rule
(`history_rollups`).

Downgrade rebuilds the pyramids of the short series from their histories (`history_rollups`
with `short`), so code from 0008 finds every series rolled up again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labbook.store import metric_rollups
from labbook.store.metric_rollups import ROW_COLUMNS, history_rollups

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ROLLUPS = sa.table("candidate_metric_rollups", *(sa.column(c) for c in ROW_COLUMNS))
_SHORT = """
DELETE FROM candidate_metric_rollups WHERE NOT EXISTS (
  SELECT 1 FROM candidate_metric_summaries s
  WHERE s.candidate_id = candidate_metric_rollups.candidate_id
  AND s.name = candidate_metric_rollups.name AND s.count >= :rollup_from)
"""


def upgrade() -> None:
    op.get_bind().execute(sa.text(_SHORT), {"rollup_from": metric_rollups.ROLLUP_FROM})


def downgrade() -> None:
    for rows in history_rollups(op.get_bind(), short=True):
        op.bulk_insert(_ROLLUPS, rows)
