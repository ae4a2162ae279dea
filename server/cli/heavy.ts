// The CLI's heavy dependencies (the database, importers, exporters, the web server), loaded on first
// use so that commands which need none of them (`align`, `split`, `--help`) start fast.
export { isExportFormat } from '../formats/export/index.ts';
export { openDb } from '../store/db.ts';
export { listStatements, searchStatements } from '../store/statements.ts';
export { importStatement } from '../ops/import.ts';
export { importVersion, storedLanguage } from '../ops/versions.ts';
export { exportCorpus, firstPair, oneSidedFits, requireStatements, statementPairs } from '../ops/export.ts';
export { importManifest, readManifest } from '../ops/batch.ts';
export { importAlignedCorpus, importMosesCorpus } from '../ops/import-aligned.ts';
export { buildReport, type ReportFormat } from '../ops/report.ts';
export { addUser, disableUser, listUsers, ROLES } from '../ops/accounts.ts';
export { runStatementChecks, corpusConsistency } from '../ops/checks.ts';
export { listGlossary, addGlossaryTerm, removeGlossaryTerm, glossaryToTsv, dbGlossary } from '../ops/glossary.ts';
export { startServer } from '../http/server.ts';
