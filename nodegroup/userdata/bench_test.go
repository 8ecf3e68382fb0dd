package userdata

import "testing"

func benchCluster() Cluster {
	return Cluster{Name: "prod-east", Endpoint: "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
		CertificateAuthority: realisticCA(), ServiceCIDR: "172.20.0.0/16"}
}

var benchLabels = map[string]string{"workload": "general", "team": "platform", "node.kubernetes.io/lifecycle": "spot"}
var benchTaints = []Taint{{Key: "dedicated", Value: "platform", Effect: "NoSchedule"}}

func BenchmarkRenderNodeadm(b *testing.B) {
	n := Nodeadm{Cluster: benchCluster(), Labels: benchLabels, Taints: benchTaints, KubeletFlags: []string{"--v=2"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := RenderNodeadm(n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderBottlerocket(b *testing.B) {
	br := Bottlerocket{Cluster: benchCluster(), Labels: benchLabels, Taints: benchTaints,
		Settings: map[string]any{"kubernetes": map[string]any{"max-pods": 110}}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := RenderBottlerocket(br); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderWindows(b *testing.B) {
	w := Windows{Cluster: benchCluster(), Labels: benchLabels, Taints: benchTaints}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := RenderWindows(w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderAL2(b *testing.B) {
	a := AL2{Cluster: benchCluster(), Labels: benchLabels, Taints: benchTaints}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := RenderAL2(a); err != nil {
			b.Fatal(err)
		}
	}
}
