-- sweeps (lead's branch)
-- placeholder: DuckDB refuses a script with no statement, so a no-op keeps V3 numbered right.
SELECT 1;
