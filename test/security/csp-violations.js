// A classic script, run before anything else on the page: records every CSP violation (Trusted Types
// included) in window.cspViolations. The events bubble and are composed, so those of the widget's
// shadow roots reach the document too.
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  e => {
    window.cspViolations.push({
      directive: e.effectiveDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
      disposition: e.disposition,
    });
  },
  true,
);
