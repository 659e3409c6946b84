/** The values after `#` (`#token=…`, `#code=…&email=…`): a link's secret never reaches the server's logs. */
export function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}
