/** A listing's page, its slug escaped (slugs keep Hangul), as links and canonical addresses write it. */
export function productPath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}

/** The slug from the page's route parameter, whether or not the router has decoded it already (slugs never hold "%"). */
export function slugFromParam(param: string): string {
  if (!param.includes("%")) return param;
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}
