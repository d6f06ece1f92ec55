/**
 * Releases and sign-off (issue 26): a release is an approved snapshot of the publication model
 * (model.ts: canonical JSON and its SHA-256 fingerprint), approvals tie people to it
 * (approvals.ts: the `approvals` list, release file paths, planning an approval), and changes.ts
 * says what changed between two releases in press-office words. The `approval-current` rule
 * (rules/approval-current.ts) and, through it, the publish verdict (verdict.ts) read this module;
 * hosts (CLI `approve`/`changes`, the editor's "Approve Release…", the preview) write and read the
 * release files with their own file systems.
 *
 * May import: shared, yaml, report, language, render, family, templates.
 */
export { canonicalJson, currentRelease, parseReleaseJson, releaseModel, sha256Hex, PUBLIC_SECTION_PATH, RELEASE_FORMAT, type Release, type ReleaseModel } from './model';
export {
  APPROVAL_LOCK_WAIT_MS,
  APPROVAL_ROLES,
  approvalLockPath,
  RELEASES_FOLDER,
  newestApprovals,
  nextVersion,
  noWhatsNew,
  occupiedRelease,
  otherReport,
  planApproval,
  previousRelease,
  readApprovals,
  readRelease,
  releaseFilePath,
  releaseFolderClash,
  releaseVersionsIn,
  type Approval,
  type ApprovalPlan,
  type ApprovalRole,
  type ReleaseProblem,
  type ReleaseText,
  type RequireApproval,
  type WhatsNew,
  unapprovedRelease,
} from './approvals';
export { describeChange, describeChanges, releaseChanges, summarizeChanges, type ReleaseChange } from './changes';
