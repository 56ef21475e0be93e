/**
 * Words too common to say anything about a question or a passage. Question words (who, where…) are here
 * too: the question analyser reads them before terms are extracted.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below
  between both but by can cannot could couldn did didn do does doesn doing don down during each either else ever
  few for from further had hadn has hasn have haven having he her here hers herself him himself his how however i
  if in into is isn it its itself just let ll me might more most must mustn my myself neither no nor not now of off
  on once only or other ought our ours ourselves out over own re s same shall shan she should shouldn so some such
  t than that the their theirs them themselves then there these they this those through thus to too under until
  up upon us ve very was wasn we were weren what whatever when whenever where whereas wherever whether which while
  who whoever whom whose why will with within without won would wouldn yet you your yours yourself yourselves
  please`
    .split(/\s+/)
    .filter(Boolean),
);
