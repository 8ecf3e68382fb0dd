package userdata

import "testing"

// benchRender renders format f's "full" scenario (a certificate authority of realistic size and
// everything the format takes) b.N times.
func benchRender(b *testing.B, f Format) {
	in := scenarioNamed(b, f, "full")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Render(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderNodeadm(b *testing.B)      { benchRender(b, FormatNodeadm) }
func BenchmarkRenderBottlerocket(b *testing.B) { benchRender(b, FormatBottlerocket) }
func BenchmarkRenderWindows(b *testing.B)      { benchRender(b, FormatWindows) }
func BenchmarkRenderAL2(b *testing.B)          { benchRender(b, FormatAL2) }
