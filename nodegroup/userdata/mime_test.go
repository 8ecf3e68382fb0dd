package userdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMIMERoundTrip(t *testing.T) {
	in := []Part{
		{ContentType: ShellScriptContentType, Body: "#!/bin/bash\necho one\n"},
		{ContentType: NodeConfigContentType, Body: "---\nkind: NodeConfig\n"},
	}
	doc, err := RenderMIME(in)
	require.NoError(t, err)
	out, err := ParseMIME(doc)
	require.NoError(t, err)
	assert.Equal(t, in, out)
}

func TestParseMIMERefusesOtherDocuments(t *testing.T) {
	for _, doc := range []string{
		"#!/bin/bash\necho plain script\n",
		"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n",
		"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nunterminated",
	} {
		_, err := ParseMIME(doc)
		assert.Error(t, err, doc)
	}
}
