package userdata

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRenderTakesOnlyWhatTheFormatCarries sets each optional field on each format's minimal
// input: a format that takes the field must carry it into the user data, one that cannot must
// refuse the input naming the field, never drop the field silently.
func TestRenderTakesOnlyWhatTheFormatCarries(t *testing.T) {
	fields := []struct {
		field   string
		set     func(in *Input)
		takenBy []Format
	}{
		{"KubeletFlags", func(in *Input) { in.KubeletFlags = []string{"--v=2"} }, []Format{FormatNodeadm, FormatWindows, FormatAL2}},
		{"KubeletConfig", func(in *Input) { in.KubeletConfig = map[string]any{"maxPods": 58} }, []Format{FormatNodeadm}},
		{"Settings", func(in *Input) { in.Settings = map[string]any{"motd": "hi"} }, []Format{FormatBottlerocket}},
		{"PreScripts", func(in *Input) { in.PreScripts = []string{"echo pre"} }, []Format{FormatNodeadm, FormatWindows, FormatAL2}},
		{"PostScripts", func(in *Input) { in.PostScripts = []string{"echo post"} }, []Format{FormatNodeadm, FormatWindows, FormatAL2}},
		{"MaxPods", func(in *Input) { in.MaxPods = 110 }, allFormats},
		{"KubeReserved", func(in *Input) { in.KubeReserved = map[string]string{"cpu": "100m"} }, allFormats},
		{"KubeletFeatureGates", func(in *Input) { in.KubeletFeatureGates = map[string]bool{"MemoryQoS": true} }, []Format{FormatNodeadm}},
		{"Containerd", func(in *Input) { in.Containerd = &ContainerdOptions{Config: "version = 2\n"} }, []Format{FormatNodeadm}},
		{"LocalStorage", func(in *Input) { in.LocalStorage = &LocalStorageOptions{Strategy: "Mount"} }, []Format{FormatNodeadm}},
	}
	for _, f := range allFormats {
		minimal, err := Render(scenarioNamed(t, f, "minimal"))
		require.NoError(t, err)
		for _, fl := range fields {
			t.Run(string(f)+"/"+fl.field, func(t *testing.T) {
				in := scenarioNamed(t, f, "minimal")
				fl.set(&in)
				out, err := Render(in)
				if slices.Contains(fl.takenBy, f) {
					require.NoError(t, err)
					assert.NotEqual(t, minimal, out, "%s must reach the user data", fl.field)
					return
				}
				require.Error(t, err, "%s must be refused, not dropped", fl.field)
				assert.Contains(t, err.Error(), " "+fl.field+": ")
				assert.Empty(t, out)
			})
		}
	}
}

func TestRenderRefuses(t *testing.T) {
	for _, tt := range []struct {
		name    string
		in      Input
		wantErr []string
	}{
		{"no format", Input{Cluster: testCluster}, []string{`unknown user data format ""`}},
		{"unknown format", Input{Format: "ubuntu", Cluster: testCluster}, []string{`unknown user data format "ubuntu"`}},
		{"every inapplicable field at once", Input{
			Format: FormatBottlerocket, Cluster: testCluster,
			KubeletFlags: []string{"--v=2"}, KubeletConfig: map[string]any{"maxPods": 58},
			PreScripts: []string{"echo pre"}, PostScripts: []string{"echo post"},
		}, []string{"the Bottlerocket user data cannot take KubeletFlags: ", "; KubeletConfig: ", "; PreScripts: ", "; PostScripts: "}},
		{"two AL2 pre scripts", Input{Format: FormatAL2, Cluster: testCluster, PreScripts: []string{"echo a", "echo b"}},
			[]string{"the AL2 user data cannot take PreScripts: 2 scripts given, it takes at most 1"}},
		{"two Windows post scripts", Input{Format: FormatWindows, Cluster: testCluster, PostScripts: []string{"a", "b"}},
			[]string{"the Windows user data cannot take PostScripts: 2 scripts given, it takes at most 1"}},
		{"settings on AL2023", Input{Format: FormatNodeadm, Cluster: testCluster, Settings: map[string]any{"motd": "hi"}},
			[]string{"the AL2023 (nodeadm) user data cannot take Settings: only Bottlerocket takes settings"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out string
			var err error
			require.NotPanics(t, func() { out, err = Render(tt.in) })
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.Contains(t, err.Error(), want)
			}
			assert.Empty(t, out)
		})
	}

	t.Run("any number of AL2023 scripts", func(t *testing.T) {
		doc, err := Render(Input{Format: FormatNodeadm, Cluster: testCluster, PreScripts: []string{"echo a", "echo b", "echo c"}})
		require.NoError(t, err)
		parts, err := ParseMIME(doc)
		require.NoError(t, err)
		assert.Len(t, parts, 4, "three scripts and the NodeConfig")
	})
}

// TestRenderFitsMaxBytes: each format's "full" scenario, with a certificate authority of
// realistic size, is of a meaningful size and fits EC2's raw limit.
func TestRenderFitsMaxBytes(t *testing.T) {
	for _, f := range allFormats {
		t.Run(string(f), func(t *testing.T) {
			in := scenarioNamed(t, f, "full")
			require.Greater(t, len(in.Cluster.CertificateAuthority), 1400, "the full scenario carries a realistic CA")
			doc, err := Render(in)
			require.NoError(t, err)
			assert.Less(t, len(doc), MaxBytes, "user data must fit EC2's raw limit")
			assert.Greater(t, len(doc), 2048)
		})
	}
}

// TestRenderDoesNotModifyInput renders every scenario twice: the input is left as it was, and
// the output is the same.
func TestRenderDoesNotModifyInput(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(string(sc.in.Format)+"/"+sc.name, func(t *testing.T) {
			in := sc.in
			first, err := Render(in)
			require.NoError(t, err)
			assert.Equal(t, scenarioNamed(t, sc.in.Format, sc.name), in, "input must not be modified")
			second, err := Render(in)
			require.NoError(t, err)
			assert.Equal(t, first, second, "output must be deterministic")
		})
	}
}

// TestScenarioTable pins the shape of the shared table the renderer tests rely on: every format
// has the common scenarios (Bottlerocket all but scripts), each once.
func TestScenarioTable(t *testing.T) {
	for _, f := range allFormats {
		var names []string
		for _, sc := range scenariosOf(f) {
			names = append(names, sc.name)
		}
		want := []string{"minimal", "labels-taints", "kubelet", "scripts", "full", "typed-options"}
		if f == FormatBottlerocket {
			want = slices.DeleteFunc(want, func(n string) bool { return n == "scripts" })
		}
		assert.Equal(t, want, names, "%s scenarios", f)
	}
	// The table covers every format Render knows.
	assert.Len(t, formats, len(allFormats))
	for _, f := range allFormats {
		assert.Contains(t, formats, f)
	}
}
