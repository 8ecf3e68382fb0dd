package userdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMergeSettings pins MergeSettings' one semantics: over wins, tables (of any map type) merge
// key by key, a table is never replaced by a value that is not one, values are normalised as
// the TOML encoder needs them, and neither argument is modified or shared with the result.
func TestMergeSettings(t *testing.T) {
	tests := []struct {
		name    string
		base    func() map[string]any
		user    func() map[string]any
		want    map[string]any
		wantErr string
	}{
		{
			name: "nested tables merge key by key",
			base: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{
					"cluster-name": "prod",
					"node-labels":  map[string]any{"team": "a", "tier": "web"},
				}}
			},
			user: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{
					"max-pods":    int64(58),
					"node-labels": map[string]any{"tier": "db", "zone": "1a"},
				}}
			},
			want: map[string]any{"kubernetes": map[string]any{
				"cluster-name": "prod",
				"max-pods":     int64(58),
				"node-labels":  map[string]any{"team": "a", "tier": "db", "zone": "1a"},
			}},
		},
		{
			name: "scalars overridden, new tables added",
			base: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{"cluster-dns-ip": "172.20.0.10", "cluster-name": "prod"}}
			},
			user: func() map[string]any {
				return map[string]any{
					"kubernetes":      map[string]any{"cluster-dns-ip": "10.100.0.10"},
					"host-containers": map[string]any{"admin": map[string]any{"enabled": true}},
				}
			},
			want: map[string]any{
				"kubernetes":      map[string]any{"cluster-dns-ip": "10.100.0.10", "cluster-name": "prod"},
				"host-containers": map[string]any{"admin": map[string]any{"enabled": true}},
			},
		},
		{
			name: "arrays are replaced, not merged",
			base: func() map[string]any { return map[string]any{"dns": []any{"a", "b"}} },
			user: func() map[string]any { return map[string]any{"dns": []any{"c"}} },
			want: map[string]any{"dns": []any{"c"}},
		},
		{
			name: "a table may replace a scalar",
			base: func() map[string]any { return map[string]any{"motd": "hi"} },
			user: func() map[string]any { return map[string]any{"motd": map[string]any{"x": "y"}} },
			want: map[string]any{"motd": map[string]any{"x": "y"}},
		},
		{
			name: "empty user settings",
			base: func() map[string]any { return map[string]any{"kubernetes": map[string]any{"cluster-name": "prod"}} },
			user: func() map[string]any { return nil },
			want: map[string]any{"kubernetes": map[string]any{"cluster-name": "prod"}},
		},
		{
			name: "tables of other map types merge too",
			base: func() map[string]any {
				return map[string]any{"host-containers": map[string]any{"admin": map[string]any{"enabled": false}}}
			},
			user: func() map[string]any {
				return map[string]any{"host-containers": map[string]map[string]bool{"control": {"enabled": true}}}
			},
			want: map[string]any{"host-containers": map[string]any{
				"admin":   map[string]any{"enabled": false},
				"control": map[string]any{"enabled": true},
			}},
		},
		{
			name: "values are normalised",
			base: func() map[string]any { return map[string]any{"kubernetes": map[string]any{"max-pods": 58}} },
			user: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{"kube-api-qps": 12.5, "max-pods": 110.0, "dns": []string{"a"}}}
			},
			want: map[string]any{"kubernetes": map[string]any{"kube-api-qps": 12.5, "max-pods": int64(110), "dns": []any{"a"}}},
		},
		{
			name: "empty base",
			base: func() map[string]any { return nil },
			user: func() map[string]any { return map[string]any{"motd": "hi"} },
			want: map[string]any{"motd": "hi"},
		},
		{
			name:    "base refused like the user's settings",
			base:    func() map[string]any { return map[string]any{"motd": nil} },
			user:    func() map[string]any { return nil },
			wantErr: "setting settings.motd is nil",
		},
		{
			name:    "a struct is not a table",
			base:    func() map[string]any { return map[string]any{"kernel": map[string]any{"lockdown": "integrity"}} },
			user:    func() map[string]any { return map[string]any{"kernel": struct{ Lockdown string }{"none"}} },
			wantErr: "setting settings.kernel is a Go struct",
		},
		{
			name:    "table replaced by a scalar",
			base:    func() map[string]any { return map[string]any{"kubernetes": map[string]any{"cluster-name": "prod"}} },
			user:    func() map[string]any { return map[string]any{"kubernetes": "x"} },
			wantErr: "setting settings.kubernetes is a table and cannot be replaced by a value of type string",
		},
		{
			name: "nested table replaced by an array",
			base: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{"node-labels": map[string]any{"team": "a"}}}
			},
			user: func() map[string]any {
				return map[string]any{"kubernetes": map[string]any{"node-labels": []any{"team=a"}}}
			},
			wantErr: "setting settings.kubernetes.node-labels is a table",
		},
		{
			name: "dotted key named with quotes",
			base: func() map[string]any {
				return map[string]any{"kernel": map[string]any{"sysctl.d": map[string]any{"a": "1"}}}
			},
			user: func() map[string]any {
				return map[string]any{"kernel": map[string]any{"sysctl.d": int64(1)}}
			},
			wantErr: `setting settings.kernel."sysctl.d" is a table and cannot be replaced by a value of type int64`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, user := tt.base(), tt.user()
			got, err := MergeSettings(base, user)
			assert.Equal(t, tt.base(), base, "base must not be modified")
			assert.Equal(t, tt.user(), user, "user settings must not be modified")
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)

			// Modifying the result leaves the inputs alone too.
			brTestScribble(got)
			assert.Equal(t, tt.base(), base, "result must not share tables with base")
			assert.Equal(t, tt.user(), user, "result must not share tables with the user settings")
		})
	}
}

// brTestScribble modifies every table and array in v.
func brTestScribble(v any) {
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			brTestScribble(e)
		}
		x["added-later"] = true
	case []any:
		for _, e := range x {
			brTestScribble(e)
		}
		if len(x) > 0 {
			x[0] = "changed-later"
		}
	}
}
