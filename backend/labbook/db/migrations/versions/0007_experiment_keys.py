"""experiment keys: the param and metric names of each experiment, kept by triggers

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

`Experiment.paramKeys`/`metricKeys` (the candidate table's columns) were a DISTINCT over every
param and summary row of the experiment: 2,000,000 rows and seconds on 100,000 candidates. The
names now live in `experiment_keys`, filled by triggers when a param row or a summary row (the
first point of a metric in a candidate) is inserted, so no write path can forget them. SQLite
writers are serialized, so its triggers insert what is missing; PostgreSQL's run once per
statement over the inserted rows, in name order (concurrent writers of new keys wait for one
another in the same order instead of deadlocking).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SOURCES = {"param": "candidate_params", "metric": "candidate_metric_summaries"}

_SQLITE_TRIGGER = """
CREATE TRIGGER experiment_{kind}_keys AFTER INSERT ON {table}
BEGIN
  INSERT INTO experiment_keys (experiment_id, kind, name)
  SELECT c.experiment_id, '{kind}', NEW.name FROM candidates c
  WHERE c.id = NEW.candidate_id AND NOT EXISTS (
    SELECT 1 FROM experiment_keys k
    WHERE k.experiment_id = c.experiment_id AND k.kind = '{kind}' AND k.name = NEW.name);
END
"""

_PG_FUNCTION = """
CREATE FUNCTION labbook_experiment_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO experiment_keys (experiment_id, kind, name)
  SELECT DISTINCT c.experiment_id, TG_ARGV[0], n.name
  FROM inserted n JOIN candidates c ON c.id = n.candidate_id
  ORDER BY 1, 3
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
"""

_PG_TRIGGER = """
CREATE TRIGGER experiment_{kind}_keys AFTER INSERT ON {table}
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION labbook_experiment_keys('{kind}')
"""

_BACKFILL = """
INSERT INTO experiment_keys (experiment_id, kind, name)
SELECT DISTINCT c.experiment_id, '{kind}', s.name
FROM {table} s JOIN candidates c ON c.id = s.candidate_id
"""


def upgrade() -> None:
    op.create_table(
        "experiment_keys",
        sa.Column("experiment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=False),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiments.id"],
            name=op.f("fk_experiment_keys_experiment_id_experiments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("experiment_id", "kind", "name", name=op.f("pk_experiment_keys")),
    )
    for kind, table in _SOURCES.items():
        op.execute(_BACKFILL.format(kind=kind, table=table))
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(_PG_FUNCTION)
    for kind, table in _SOURCES.items():
        op.execute((_PG_TRIGGER if postgres else _SQLITE_TRIGGER).format(kind=kind, table=table))


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for kind, table in _SOURCES.items():
        op.execute(f"DROP TRIGGER experiment_{kind}_keys" + (f" ON {table}" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION labbook_experiment_keys()")
    op.drop_table("experiment_keys")
