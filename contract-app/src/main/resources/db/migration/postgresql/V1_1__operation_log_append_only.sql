-- PostgreSQL only: the database itself refuses to change or remove operation-log entries.
-- The retention purge opens the guard for its own transaction (set_config(..., true)).
CREATE FUNCTION operation_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('econtract.oplog_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'operation_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER operation_log_no_update_delete
    BEFORE UPDATE OR DELETE ON operation_log
    FOR EACH ROW EXECUTE FUNCTION operation_log_append_only();

CREATE TRIGGER operation_log_no_truncate
    BEFORE TRUNCATE ON operation_log
    FOR EACH STATEMENT EXECUTE FUNCTION operation_log_append_only();
