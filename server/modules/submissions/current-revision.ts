import { and, eq } from 'drizzle-orm';
import { submissionRevisions, submissions } from '../../db/schema';

/**
 * Joins a submission to the revision it stands on now: its figures as accepted (or as sent), never an
 * earlier or a withdrawn correction. Every read of "the accepted figures" goes through it.
 */
export const currentRevisionOf = and(
  eq(submissionRevisions.submissionId, submissions.id),
  eq(submissionRevisions.revision, submissions.currentRevision),
);
