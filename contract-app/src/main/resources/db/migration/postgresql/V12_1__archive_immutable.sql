-- PostgreSQL only: what was filed stays as filed. A register entry is never deleted; of its
-- columns only the term (extended after a review) and the destruction (once) may change.
-- Destruction reviews are append-only, like the evidence trail.
CREATE FUNCTION archive_record_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'archive_record is never deleted: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status = 'DESTROYED'
       OR (NEW.archive_no, NEW.contract_id, NEW.contract_no, NEW.title, NEW.contract_type, NEW.department_id,
           NEW.category, NEW.category_name, NEW.archive_year, NEW.retention, NEW.copy_sha256, NEW.package_sha256,
           NEW.archived_at, NEW.archived_by)
          IS DISTINCT FROM
          (OLD.archive_no, OLD.contract_id, OLD.contract_no, OLD.title, OLD.contract_type, OLD.department_id,
           OLD.category, OLD.category_name, OLD.archive_year, OLD.retention, OLD.copy_sha256, OLD.package_sha256,
           OLD.archived_at, OLD.archived_by)
       OR NEW.counterparty IS DISTINCT FROM OLD.counterparty
       OR NEW.signed_revision IS DISTINCT FROM OLD.signed_revision THEN
        RAISE EXCEPTION 'archive % is immutable', OLD.archive_no USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER archive_record_no_change
    BEFORE UPDATE OR DELETE ON archive_record
    FOR EACH ROW EXECUTE FUNCTION archive_record_immutable();
CREATE TRIGGER archive_record_no_truncate
    BEFORE TRUNCATE ON archive_record
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
CREATE TRIGGER archive_appraisal_no_update_delete
    BEFORE UPDATE OR DELETE ON archive_appraisal
    FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
CREATE TRIGGER archive_appraisal_no_truncate
    BEFORE TRUNCATE ON archive_appraisal
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
