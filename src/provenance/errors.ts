/** Provenance failures and results, apart from provenance.ts so callers need not load openpgp. */
export class ProvenanceError extends Error {
  constructor(
    readonly chart: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProvenanceError';
  }
}

export interface Verification {
  /** The signer's first user ID (`Name <email>`). */
  readonly signedBy: string;
  readonly fingerprint: string;
  /** `sha256:<hex>` of the archive. */
  readonly fileHash: string;
}
