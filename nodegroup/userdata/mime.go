package userdata

import (
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
)

// ParseMIME reads a multipart/mixed user data document the way cloud-init and nodeadm do
// (net/mail headers, mime/multipart body) and returns its parts in order, each body decoded
// from its Content-Transfer-Encoding (base64; quoted-printable, which mime/multipart decodes
// itself; or none) as cloud-init does before it hands a part to its handlers.
// Part.TransferEncoding is "base64" for a part that was base64-encoded, "" otherwise.
func ParseMIME(doc string) ([]Part, error) {
	msg, err := mail.ReadMessage(strings.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("reading MIME headers: %w", err)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("reading Content-Type: %w", err)
	}
	if mediaType != "multipart/mixed" {
		return nil, fmt.Errorf("content type is %q, not multipart/mixed", mediaType)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var parts []Part
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return parts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading part %d: %w", len(parts)+1, err)
		}
		body, err := io.ReadAll(p)
		if err != nil {
			return nil, fmt.Errorf("reading part %d: %w", len(parts)+1, err)
		}
		part := Part{ContentType: p.Header.Get("Content-Type"), Body: string(body)}
		switch cte := strings.ToLower(strings.TrimSpace(p.Header.Get("Content-Transfer-Encoding"))); cte {
		case "", "7bit", "8bit", "binary":
		case "base64":
			// StdEncoding skips the line breaks (CR and LF) between the lines of the body.
			decoded, err := base64.StdEncoding.DecodeString(part.Body)
			if err != nil {
				return nil, fmt.Errorf("decoding part %d from base64: %w", len(parts)+1, err)
			}
			part.TransferEncoding, part.Body = "base64", string(decoded)
		default:
			return nil, fmt.Errorf("part %d: unsupported Content-Transfer-Encoding %q", len(parts)+1, cte)
		}
		parts = append(parts, part)
	}
}
