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
		{ContentType: ShellScriptContentType, TransferEncoding: "base64", Body: "#!/bin/sh\necho 'é 日本 🚀' \\\r\n--" + Boundary + "\nno final newline"},
	}
	doc, err := renderMIME(in)
	require.NoError(t, err)
	out, err := ParseMIME(doc)
	require.NoError(t, err)
	assert.Equal(t, in, out)
}

func TestParseMIMEDecodesTransferEncodings(t *testing.T) {
	doc := "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n" +
		"--B\nContent-Type: text/plain\nContent-Transfer-Encoding: BASE64\n\nY2Fmw6k=\r\n\n" +
		"--B\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9\n" +
		"--B\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\ncafé\n" +
		"--B--\n"
	parts, err := ParseMIME(doc)
	require.NoError(t, err)
	assert.Equal(t, []Part{
		{ContentType: "text/plain", TransferEncoding: "base64", Body: "café"},
		{ContentType: "text/plain", Body: "café"},
		{ContentType: "text/plain", Body: "café"},
	}, parts)
}

func TestParseMIMERefusesOtherDocuments(t *testing.T) {
	for _, doc := range []string{
		"#!/bin/bash\necho plain script\n",
		"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n",
		"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nunterminated",
		"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nnot base64!\n--B--\n",
		"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nbegin\n--B--\n",
	} {
		_, err := ParseMIME(doc)
		assert.Error(t, err, doc)
	}
}
