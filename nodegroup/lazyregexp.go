package nodegroup

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on its first match. A bounded repetition such as
// {1,255} compiles into one copy of its class per repetition: compiling the patterns below when
// the package was initialised took about 3 ms and 1.3 MB in 14,700 allocations at every start of
// a program or of the plugin, mostly for inputs that a node group rarely sets.
type lazyRE struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

// lazyPatterns are every lazyRE, for the test that compiles them all.
var lazyPatterns []*lazyRE

// lazyRegexp returns pattern, to be compiled on its first use (regexp.MustCompile: a pattern
// that does not compile panics then; TestLazyRegexpsCompile compiles them all).
func lazyRegexp(pattern string) *lazyRE {
	l := &lazyRE{pattern: pattern}
	lazyPatterns = append(lazyPatterns, l)
	return l
}

// MatchString is regexp.Regexp.MatchString.
func (l *lazyRE) MatchString(s string) bool {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re.MatchString(s)
}
