/**
 * Release name validation (helm/helm pkg/chartutil/validate_name.go; CMD-NAME): DNS-1123
 * subdomain syntax, at most 53 characters.
 */
const VALID_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const MAX_RELEASE_NAME_LENGTH = 53;

export class InvalidReleaseNameError extends Error {
  constructor(
    readonly releaseName: string,
    readonly reason: string,
  ) {
    super(`release name "${releaseName}": ${reason}`);
    this.name = 'InvalidReleaseNameError';
  }
}

/** Throws InvalidReleaseNameError with Install.availableName's wording. */
export function validateReleaseName(name: string): void {
  if (name === '') throw new InvalidReleaseNameError(name, 'no name provided');
  if (name.length > MAX_RELEASE_NAME_LENGTH || !VALID_NAME.test(name)) {
    throw new InvalidReleaseNameError(
      name,
      `invalid release name, must match regex ${VALID_NAME.source} and the length must not be longer than ${MAX_RELEASE_NAME_LENGTH}`,
    );
  }
}
