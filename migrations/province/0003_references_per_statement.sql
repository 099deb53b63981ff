-- References checked once per statement instead of once per row (issue #6).
--
-- A push writes up to 100 dossier rows and 100 applied_op rows in one statement, all of one
-- commune and one device. As foreign keys, every row fired a trigger that ran its own lookup of
-- the same parent row: ~20% of PostgreSQL's CPU per op in the sync bench. These triggers keep the
-- same guarantees with one lookup per statement:
-- - a child row's parent exists, and is locked FOR KEY SHARE until commit, as a foreign key does,
--   so a concurrent delete of the parent waits and then sees the child;
-- - a parent that is referenced cannot be deleted or have its key changed (ON DELETE/UPDATE
--   NO ACTION), checked by the parent's own row trigger.
-- Both raise SQLSTATE 23503 (foreign_key_violation), like the constraints they replace.

CREATE FUNCTION hub_dossier_commune_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  codes text[];
  locked int;
BEGIN
  -- One pass over the statement's rows, then one lookup per distinct commune (a push has one).
  SELECT array_agg(DISTINCT n.commune_code) INTO codes FROM new_dossiers n;
  PERFORM 1 FROM commune c WHERE c.code = ANY (codes) ORDER BY c.code FOR KEY SHARE OF c;
  GET DIAGNOSTICS locked = ROW_COUNT;
  IF locked < coalesce(cardinality(codes), 0) THEN
    RAISE EXCEPTION 'dossier.commune_code "%" is not a commune',
      (SELECT x FROM unnest(codes) x WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.code = x) LIMIT 1)
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_commune_ref_insert AFTER INSERT ON dossier
  REFERENCING NEW TABLE AS new_dossiers FOR EACH STATEMENT EXECUTE FUNCTION hub_dossier_commune_exists();
--> statement-breakpoint
-- Updates change commune_code only by mistake (a dossier never moves commune); checked per row,
-- and only for the rows whose code actually changes.
CREATE FUNCTION hub_dossier_commune_exists_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM commune c WHERE c.code = NEW.commune_code FOR KEY SHARE OF c;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'dossier.commune_code "%" is not a commune', NEW.commune_code USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_commune_ref_update BEFORE UPDATE OF commune_code ON dossier
  FOR EACH ROW WHEN (OLD.commune_code IS DISTINCT FROM NEW.commune_code) EXECUTE FUNCTION hub_dossier_commune_exists_row();
--> statement-breakpoint
CREATE FUNCTION hub_commune_not_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.code = OLD.code THEN RETURN NEW; END IF;
  IF EXISTS (SELECT 1 FROM dossier d WHERE d.commune_code = OLD.code) THEN
    RAISE EXCEPTION 'commune "%" still has dossiers', OLD.code USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER commune_dossier_ref BEFORE DELETE OR UPDATE OF code ON commune
  FOR EACH ROW EXECUTE FUNCTION hub_commune_not_referenced();
--> statement-breakpoint
CREATE FUNCTION hub_applied_op_device_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  locked int;
BEGIN
  SELECT array_agg(DISTINCT n.device_id) INTO ids FROM new_ops n;
  PERFORM 1 FROM device d WHERE d.id = ANY (ids) ORDER BY d.id FOR KEY SHARE OF d;
  GET DIAGNOSTICS locked = ROW_COUNT;
  IF locked < coalesce(cardinality(ids), 0) THEN
    RAISE EXCEPTION 'applied_op.device_id "%" is not a device',
      (SELECT x FROM unnest(ids) x WHERE NOT EXISTS (SELECT 1 FROM device d WHERE d.id = x) LIMIT 1)
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applied_op_device_ref_insert AFTER INSERT ON applied_op
  REFERENCING NEW TABLE AS new_ops FOR EACH STATEMENT EXECUTE FUNCTION hub_applied_op_device_exists();
--> statement-breakpoint
-- applied_op is a ledger: its device never changes.
CREATE FUNCTION hub_applied_op_device_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'applied_op.device_id never changes' USING ERRCODE = 'foreign_key_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER applied_op_device_ref_update BEFORE UPDATE OF device_id ON applied_op
  FOR EACH ROW WHEN (OLD.device_id IS DISTINCT FROM NEW.device_id) EXECUTE FUNCTION hub_applied_op_device_fixed();
--> statement-breakpoint
-- Devices and communes are never deleted (revoking sets a flag); if one ever is, what refers to
-- it must go first. applied_op has no index on device_id, so this check scans: acceptable for a delete
-- that the hub never does.
CREATE FUNCTION hub_device_not_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN RETURN NEW; END IF;
  IF EXISTS (SELECT 1 FROM applied_op a WHERE a.device_id = OLD.id) THEN
    RAISE EXCEPTION 'device "%" still has answered ops', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER device_applied_op_ref BEFORE DELETE OR UPDATE OF id ON device
  FOR EACH ROW EXECUTE FUNCTION hub_device_not_referenced();
--> statement-breakpoint
ALTER TABLE "applied_op" DROP CONSTRAINT "applied_op_device_id_device_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier" DROP CONSTRAINT "dossier_commune_code_commune_code_fk";
