-- PostgreSQL only: evidence entries and local-ledger blocks are never changed or removed.
CREATE FUNCTION evidence_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evidence_entry_no_update_delete
    BEFORE UPDATE OR DELETE ON evidence_entry
    FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
CREATE TRIGGER evidence_entry_no_truncate
    BEFORE TRUNCATE ON evidence_entry
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
CREATE TRIGGER ledger_block_no_update_delete
    BEFORE UPDATE OR DELETE ON ledger_block
    FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
CREATE TRIGGER ledger_block_no_truncate
    BEFORE TRUNCATE ON ledger_block
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
