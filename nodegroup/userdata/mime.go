package userdata

import (
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
)

// ParseMIME reads a multipart/mixed user data document the way cloud-init and nodeadm do
// (net/mail headers, mime/multipart body) and returns its parts in order.
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
		parts = append(parts, Part{ContentType: p.Header.Get("Content-Type"), Body: string(body)})
	}
}
