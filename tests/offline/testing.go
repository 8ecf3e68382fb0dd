package offline

import (
	"errors"
	"os"
	"testing"
)

// ForTest prepares an Env in the test's temporary folder. When the run was not started by
// make (no CLI or plugins named) the test is skipped, unless EKSNODES_E2E says it must run.
func ForTest(t testing.TB) *Env {
	t.Helper()
	env, err := FromEnvironment(t.TempDir())
	if errors.Is(err, ErrNotConfigured) && os.Getenv(EnvRequired) == "" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// TestLog is a writer that sends the engine's progress output to the test log.
func TestLog(t testing.TB) *testLog { return &testLog{t} }

type testLog struct{ t testing.TB }

func (w *testLog) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
