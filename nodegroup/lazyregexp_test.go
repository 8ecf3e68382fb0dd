package nodegroup

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLazyRegexpsCompile(t *testing.T) {
	require.GreaterOrEqual(t, len(lazyPatterns), 8)
	for _, l := range lazyPatterns {
		_, err := regexp.Compile(l.pattern)
		assert.NoError(t, err, l.pattern)
	}
}

func TestLazyRegexpMatchesLikeRegexp(t *testing.T) {
	l := lazyRegexp(`^[a-z]{1,3}$`)
	defer func() { lazyPatterns = lazyPatterns[:len(lazyPatterns)-1] }()
	assert.Nil(t, l.re, "not compiled before the first match")
	for _, s := range []string{"", "a", "abc", "abcd", "A"} {
		assert.Equal(t, regexp.MustCompile(l.pattern).MatchString(s), l.MatchString(s), s)
	}
}
