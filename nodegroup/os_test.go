package nodegroup

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each operating system gets its AMI parameter, its access entry type, its volumes and user
// data in its own format, re-parsed here with the format's own reader.
func TestNodeGroupPerOperatingSystem(t *testing.T) {
	cases := []struct {
		os          OperatingSystem
		instance    string
		version     string
		ssm         string
		accessEntry string
		devices     []any
		checkUD     func(t *testing.T, ud string)
	}{
		{AL2023, "m7g.large", "1.33", "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id",
			"EC2_LINUX", []any{"/dev/xvda"}, func(t *testing.T, ud string) {
				parts, err := userdata.ParseMIME(ud)
				require.NoError(t, err)
				assert.Equal(t, userdata.NodeConfigContentType, parts[0].ContentType)
			}},
		{Bottlerocket, "m7g.large", "1.33", "/aws/service/bottlerocket/aws-k8s-1.33/arm64/latest/image_id",
			"EC2_LINUX", []any{"/dev/xvda", "/dev/xvdb"}, func(t *testing.T, ud string) {
				var doc struct {
					Settings struct {
						Kubernetes struct {
							ClusterName string            `toml:"cluster-name"`
							DNSIP       string            `toml:"cluster-dns-ip"`
							APIServer   string            `toml:"api-server"`
							CA          string            `toml:"cluster-certificate"`
							Labels      map[string]string `toml:"node-labels"`
							Taints      map[string]string `toml:"node-taints"`
							MaxPods     int               `toml:"max-pods"`
						} `toml:"kubernetes"`
					} `toml:"settings"`
				}
				md, err := toml.Decode(ud, &doc)
				require.NoError(t, err)
				assert.Empty(t, md.Undecoded(), "only the settings eksnodes and the test put there")
				k := doc.Settings.Kubernetes
				assert.Equal(t, "demo", k.ClusterName)
				assert.Equal(t, "172.20.0.10", k.DNSIP)
				assert.Equal(t, testCA, k.CA)
				assert.Equal(t, map[string]string{"workload": "batch"}, k.Labels)
				assert.Equal(t, map[string]string{"dedicated": "batch:NoSchedule"}, k.Taints)
				assert.Equal(t, 58, k.MaxPods, "bottlerocketSettings merged in")
			}},
		{Windows2022Core, "m7i.large", "1.33", "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.33/image_id",
			"EC2_WINDOWS", []any{"/dev/sda1"}, func(t *testing.T, ud string) {
				assert.Equal(t, 1, strings.Count(ud, "<powershell>"))
				assert.True(t, strings.HasPrefix(strings.TrimSpace(ud), "<powershell>"))
				assert.True(t, strings.HasSuffix(strings.TrimSpace(ud), "</powershell>"))
				assert.Contains(t, ud, `Start-EKSBootstrap.ps1`)
				assert.Contains(t, ud, `'--node-labels=workload=batch --register-with-taints=dedicated=batch:NoSchedule'`)
			}},
		{Windows2019Full, "m7i.large", "1.33", "/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-EKS_Optimized-1.33/image_id",
			"EC2_WINDOWS", []any{"/dev/sda1"}, nil},
		{AL2, "t3.large", "1.32", "/aws/service/eks/optimized-ami/1.32/amazon-linux-2/recommended/image_id",
			"EC2_LINUX", []any{"/dev/xvda"}, func(t *testing.T, ud string) {
				assert.True(t, strings.HasPrefix(ud, "#!/bin/bash\n"))
				out, err := exec.Command("bash", "-n", "-c", ud).CombinedOutput()
				require.NoError(t, err, string(out))
				assert.Contains(t, ud, "/etc/eks/bootstrap.sh 'demo'")
				assert.Contains(t, ud, "--dns-cluster-ip '172.20.0.10'")
			}},
	}
	for _, tc := range cases {
		t.Run(string(tc.os), func(t *testing.T) {
			args := demoArgs()
			args.OperatingSystem = Ref(tc.os)
			args.InstanceType = tc.instance
			args.Cluster.Version = pulumiString(tc.version)
			args.Labels = map[string]string{"workload": "batch"}
			args.Taints = map[string]Taint{"dedicated": {Value: "batch", Effect: NoSchedule}}
			if tc.os == Bottlerocket {
				args.BottlerocketSettings = map[string]any{"kubernetes": map[string]any{"max-pods": 58}}
			}
			m, out, err := runNodeGroup(t, args)
			require.NoError(t, err)

			paths := m.SSMParameters()
			assert.Equal(t, []string{tc.ssm}, paths)
			assert.Equal(t, tc.accessEntry, m.Require(t, tAccessEntry, "ng-role").Input("type"))

			lt := m.Require(t, tLT, "ng")
			var devices []any
			for _, d := range lt.Input("blockDeviceMappings").([]any) {
				dm := d.(map[string]any)
				devices = append(devices, dm["deviceName"])
				assert.Equal(t, "true", dm["ebs"].(map[string]any)["encrypted"], "every volume is encrypted")
			}
			assert.Equal(t, tc.devices, devices)
			assert.Equal(t, out.UserData, decodeUserData(t, lt))
			if tc.checkUD != nil {
				tc.checkUD(t, out.UserData)
			}
		})
	}
}

func TestNodeGroupRootVolumeDefaultsPerOS(t *testing.T) {
	for os, want := range map[OperatingSystem]float64{AL2023: 20, Bottlerocket: 20, Windows2022Full: 50, AL2: 20} {
		args := demoArgs()
		args.OperatingSystem = Ref(os)
		args.Cluster.Version = pulumiString("1.32")
		m, _, err := runNodeGroup(t, args)
		require.NoError(t, err, os)
		mappings := m.Require(t, tLT, "ng").Input("blockDeviceMappings").([]any)
		sized := mappings[len(mappings)-1].(map[string]any)["ebs"].(map[string]any)
		assert.Equal(t, want, sized["volumeSize"], os)
	}
}

func TestNodeGroupAMIPolicy(t *testing.T) {
	args := demoArgs()
	args.AmiReleaseVersion = "1.33.0-20250704"
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/amazon-eks-node-al2023-x86_64-standard-1.33-v20250704/image_id"},
		m.SSMParameters())

	args = demoArgs()
	args.OperatingSystem = Ref(Bottlerocket)
	args.AmiVariant = Ref(VariantNvidia)
	args.InstanceType = "g5.xlarge"
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	names := m.SSMParameters()
	assert.Equal(t, []string{"/aws/service/bottlerocket/aws-k8s-1.33-nvidia/x86_64/latest/image_id"}, names)
}

// Bottlerocket's OS volume stays a valid gp3 volume when the data volume is io1 or io2: EC2
// refuses io1/io2 without IOPS, and the data volume's IOPS are sized for the data volume.
func TestBottlerocketOSVolumeStaysGP3(t *testing.T) {
	for _, typ := range []string{"io1", "io2", "gp2", "standard"} {
		args := demoArgs()
		args.OperatingSystem, args.NodeRootVolumeType, args.NodeRootVolumeSize = Ref(Bottlerocket), typ, ptr(100)
		if typ == "io1" || typ == "io2" {
			args.NodeRootVolumeIops = ptr(3000)
		}
		m, _, err := runNodeGroup(t, args)
		require.NoError(t, err, typ)
		mappings := m.Require(t, tLT, "ng").Input("blockDeviceMappings").([]any)
		require.Len(t, mappings, 2)
		osVolume := mappings[0].(map[string]any)
		assert.Equal(t, "/dev/xvda", osVolume["deviceName"])
		assert.Equal(t, "gp3", osVolume["ebs"].(map[string]any)["volumeType"], typ)
		assert.NotContains(t, osVolume["ebs"], "iops")
		assert.Equal(t, typ, mappings[1].(map[string]any)["ebs"].(map[string]any)["volumeType"])
	}
}
