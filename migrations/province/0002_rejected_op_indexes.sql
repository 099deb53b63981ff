DROP INDEX "applied_op_device_idx";--> statement-breakpoint
CREATE INDEX "applied_op_rejected_entity_idx" ON "applied_op" USING btree ("entity_id") WHERE "applied_op"."result"->>'result' = 'rejected';--> statement-breakpoint
CREATE INDEX "applied_op_rejected_at_idx" ON "applied_op" USING btree ("received_at") WHERE "applied_op"."result"->>'result' = 'rejected';