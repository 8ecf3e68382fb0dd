package nodegroup

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spotRequirementsArgs is a valid Spot-only group whose instance types are described by their
// attributes.
func spotRequirementsArgs() *NodeGroupArgs {
	args := demoArgs()
	args.Architecture = Ref(X86_64)
	args.MixedInstancesPolicy = &MixedInstancesPolicy{
		InstanceRequirements: &InstanceRequirements{
			VcpuCount: &RequiredIntRange{Min: 2, Max: ptr(8)},
			MemoryMib: &RequiredIntRange{Min: 4096},
		},
		OnDemandPercentageAboveBaseCapacity: ptr(0),
	}
	return args
}

func TestInstanceRequirementsChildren(t *testing.T) {
	m, _, err := runNodeGroup(t, spotRequirementsArgs())
	require.NoError(t, err)
	assert.ElementsMatch(t, defaultChildren, m.Keys(), "instance requirements change the group, not its children")

	asg := m.Require(t, tASG, "ng")
	assert.Equal(t, map[string]any{
		"launchTemplate": map[string]any{
			"launchTemplateSpecification": map[string]any{"launchTemplateId": nodegrouptest.ID(tLT, "ng"), "version": "1"},
			"overrides": []any{map[string]any{"instanceRequirements": map[string]any{
				"vcpuCount":        map[string]any{"min": 2.0, "max": 8.0},
				"memoryMib":        map[string]any{"min": 4096.0},
				"acceleratorCount": map[string]any{"max": 0.0},
			}}},
		},
		"instancesDistribution": map[string]any{
			"onDemandAllocationStrategy": "lowest-price", "onDemandBaseCapacity": 0.0,
			"onDemandPercentageAboveBaseCapacity": 0.0, "spotAllocationStrategy": "price-capacity-optimized",
		},
	}, asg.Input("mixedInstancesPolicy"), "no accelerators by default, and AWS's On-Demand strategy for requirements")

	lt := m.Require(t, tLT, "ng")
	assert.Nil(t, lt.Input("instanceType"), "the requirements choose the types")
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id"},
		m.SSMParameters(), "the AMI follows the architecture input")
}

func TestInstanceRequirementsMapping(t *testing.T) {
	args := spotRequirementsArgs()
	args.Architecture = Ref(ARM64)
	args.MixedInstancesPolicy.InstanceRequirements = &InstanceRequirements{
		VcpuCount:             &RequiredIntRange{Min: 4, Max: ptr(16)},
		MemoryMib:             &RequiredIntRange{Min: 8192, Max: ptr(65536)},
		MemoryGibPerVcpu:      &FloatRange{Min: ptr(2.0), Max: ptr(4.5)},
		CpuManufacturers:      []CpuManufacturer{CpuAmazonWebServices},
		InstanceGenerations:   []InstanceGeneration{GenerationCurrent},
		AllowedInstanceTypes:  []string{"m7g.*", "c7g*", "r8g.2xlarge"},
		BurstablePerformance:  Ref(InclusionExcluded),
		BareMetal:             Ref(InclusionExcluded),
		LocalStorage:          Ref(InclusionRequired),
		LocalStorageTypes:     []LocalStorageType{StorageSsd},
		NetworkInterfaceCount: &IntRange{Min: ptr(2)},
		OnDemandMaxPricePercentageOverLowestPrice:      ptr(30),
		MaxSpotPriceAsPercentageOfOptimalOnDemandPrice: ptr(60),
	}
	args.MixedInstancesPolicy.SpotAllocationStrategy = "capacity-optimized"
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	policy := m.Require(t, tASG, "ng").Input("mixedInstancesPolicy").(map[string]any)
	overrides := policy["launchTemplate"].(map[string]any)["overrides"].([]any)
	require.Len(t, overrides, 1)
	assert.Equal(t, map[string]any{"instanceRequirements": map[string]any{
		"vcpuCount":             map[string]any{"min": 4.0, "max": 16.0},
		"memoryMib":             map[string]any{"min": 8192.0, "max": 65536.0},
		"memoryGibPerVcpu":      map[string]any{"min": 2.0, "max": 4.5},
		"cpuManufacturers":      []any{"amazon-web-services"},
		"instanceGenerations":   []any{"current"},
		"allowedInstanceTypes":  []any{"m7g.*", "c7g*", "r8g.2xlarge"},
		"burstablePerformance":  "excluded",
		"bareMetal":             "excluded",
		"localStorage":          "required",
		"localStorageTypes":     []any{"ssd"},
		"networkInterfaceCount": map[string]any{"min": 2.0},
		"acceleratorCount":      map[string]any{"max": 0.0},
		"onDemandMaxPricePercentageOverLowestPrice":      30.0,
		"maxSpotPriceAsPercentageOfOptimalOnDemandPrice": 60.0,
	}}, overrides[0])
	assert.Equal(t, "capacity-optimized", policy["instancesDistribution"].(map[string]any)["spotAllocationStrategy"])
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id"}, m.SSMParameters())
}

// The AMI variant follows the accelerators the requirements select, as it follows an instance
// type's: NVIDIA GPUs get the nvidia AMI, Inferentia and Trainium the neuron AMI.
func TestInstanceRequirementsSelectTheAcceleratorAMI(t *testing.T) {
	cases := []struct {
		name string
		os   OperatingSystem
		arch Architecture
		set  func(r *InstanceRequirements)
		want string
	}{
		{"NVIDIA by manufacturer", AL2023, X86_64, func(r *InstanceRequirements) {
			r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
			r.AcceleratorCount = &IntRange{Min: ptr(1)}
		}, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/nvidia/recommended/image_id"},
		{"NVIDIA by name", AL2023, X86_64, func(r *InstanceRequirements) {
			r.AcceleratorNames = []AcceleratorName{AcceleratorNameT4, AcceleratorNameA100}
		}, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/nvidia/recommended/image_id"},
		{"NVIDIA on Bottlerocket arm64", Bottlerocket, ARM64, func(r *InstanceRequirements) {
			r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
		}, "/aws/service/bottlerocket/aws-k8s-1.33-nvidia/arm64/latest/image_id"},
		{"Neuron", AL2023, X86_64, func(r *InstanceRequirements) {
			r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorAmazonWebServices}
			r.AcceleratorTypes = []AcceleratorType{AcceleratorTypeInference}
		}, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/neuron/recommended/image_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := spotRequirementsArgs()
			args.OperatingSystem, args.Architecture = Ref(tc.os), Ref(tc.arch)
			tc.set(args.MixedInstancesPolicy.InstanceRequirements)
			m, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
			assert.Equal(t, []string{tc.want}, m.SSMParameters())
			reqs := m.Require(t, tASG, "ng").Input("mixedInstancesPolicy").(map[string]any)["launchTemplate"].(map[string]any)["overrides"].([]any)[0].(map[string]any)["instanceRequirements"].(map[string]any)
			if tc.name == "NVIDIA by manufacturer" {
				assert.Equal(t, map[string]any{"min": 1.0}, reqs["acceleratorCount"], "the user's accelerator count, not the default")
			} else {
				assert.NotContains(t, reqs, "acceleratorCount", "no default once accelerators are asked for")
			}
		})
	}
}

// badRequirements are invalid instance requirements: each mutation of spotRequirementsArgs
// must be refused with the message given.
var badRequirements = []struct {
	name   string
	mutate func(a *NodeGroupArgs, r *InstanceRequirements)
	want   string
}{
	{"both types and requirements", func(a *NodeGroupArgs, _ *InstanceRequirements) {
		a.MixedInstancesPolicy.InstanceTypes = []InstanceTypeOverride{{InstanceType: "m7i.large"}}
	}, "mixedInstancesPolicy.instanceTypes conflicts with mixedInstancesPolicy.instanceRequirements"},
	{"neither types nor requirements", func(a *NodeGroupArgs, _ *InstanceRequirements) {
		a.MixedInstancesPolicy.InstanceRequirements = nil
	}, "mixedInstancesPolicy.instanceTypes must list 1 to 40 instance types, not 0 (or describe them in instanceRequirements)"},
	{"no architecture", func(a *NodeGroupArgs, _ *InstanceRequirements) { a.Architecture = nil },
		"architecture is required with mixedInstancesPolicy.instanceRequirements (x86_64 or arm64)"},
	{"instanceType too", func(a *NodeGroupArgs, _ *InstanceRequirements) { a.InstanceType = "m7i.large" },
		"instanceType conflicts with mixedInstancesPolicy"},
	{"prioritized On-Demand", func(a *NodeGroupArgs, _ *InstanceRequirements) {
		a.MixedInstancesPolicy.OnDemandAllocationStrategy = "prioritized"
	}, "mixedInstancesPolicy.onDemandAllocationStrategy (prioritized) cannot be used with instanceRequirements"},
	{"prioritized Spot", func(a *NodeGroupArgs, _ *InstanceRequirements) {
		a.MixedInstancesPolicy.SpotAllocationStrategy = "capacity-optimized-prioritized"
	}, "mixedInstancesPolicy.spotAllocationStrategy (capacity-optimized-prioritized) cannot be used with instanceRequirements"},

	{"vcpuCount missing", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.VcpuCount = nil },
		"mixedInstancesPolicy.instanceRequirements.vcpuCount is required, with its min"},
	{"vcpuCount min negative", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.VcpuCount.Min = -1 },
		"mixedInstancesPolicy.instanceRequirements.vcpuCount.min (-1) must be at least 0"},
	{"vcpuCount max 0", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.VcpuCount = &RequiredIntRange{Max: ptr(0)} },
		"mixedInstancesPolicy.instanceRequirements.vcpuCount.max (0) must be at least 1"},
	{"vcpuCount min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.VcpuCount = &RequiredIntRange{Min: 16, Max: ptr(8)} },
		"mixedInstancesPolicy.instanceRequirements.vcpuCount.max (8) must be at least mixedInstancesPolicy.instanceRequirements.vcpuCount.min (16)"},
	{"memoryMib missing", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.MemoryMib = nil },
		"mixedInstancesPolicy.instanceRequirements.memoryMib is required, with its min"},
	{"memoryMib min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.MemoryMib = &RequiredIntRange{Min: 8192, Max: ptr(4096)}
	},
		"mixedInstancesPolicy.instanceRequirements.memoryMib.max (4096) must be at least mixedInstancesPolicy.instanceRequirements.memoryMib.min (8192)"},
	{"memoryGibPerVcpu negative", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.MemoryGibPerVcpu = &FloatRange{Min: ptr(-0.5)} },
		"mixedInstancesPolicy.instanceRequirements.memoryGibPerVcpu.min (-0.5) must be a number of 0 or more"},
	{"memoryGibPerVcpu NaN", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.MemoryGibPerVcpu = &FloatRange{Max: ptr(math.NaN())}
	},
		"mixedInstancesPolicy.instanceRequirements.memoryGibPerVcpu.max (NaN) must be a number of 0 or more"},
	{"memoryGibPerVcpu min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.MemoryGibPerVcpu = &FloatRange{Min: ptr(8.0), Max: ptr(2.5)}
	}, "mixedInstancesPolicy.instanceRequirements.memoryGibPerVcpu.max (2.5) must be at least mixedInstancesPolicy.instanceRequirements.memoryGibPerVcpu.min (8)"},
	{"cpu manufacturer unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.CpuManufacturers = []CpuManufacturer{"via"} },
		`mixedInstancesPolicy.instanceRequirements.cpuManufacturers[0] ("via") must be one of: intel, amd, amazon-web-services`},
	{"cpu manufacturer apple", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.CpuManufacturers = []CpuManufacturer{CpuIntel, "apple"}
	},
		"mixedInstancesPolicy.instanceRequirements.cpuManufacturers[1] (apple): Mac instances cannot run EKS nodes"},
	{"cpu manufacturer twice", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.CpuManufacturers = []CpuManufacturer{CpuAmd, CpuAmd}
	},
		`mixedInstancesPolicy.instanceRequirements.cpuManufacturers lists "amd" more than once`},
	{"Graviton only on x86_64", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.CpuManufacturers = []CpuManufacturer{CpuAmazonWebServices}
	}, "mixedInstancesPolicy.instanceRequirements.cpuManufacturers (amazon-web-services) make no x86_64 CPUs, but architecture is x86_64"},
	{"Intel only on arm64", func(a *NodeGroupArgs, r *InstanceRequirements) {
		a.Architecture = Ref(ARM64)
		r.CpuManufacturers = []CpuManufacturer{CpuIntel, CpuAmd}
	}, "mixedInstancesPolicy.instanceRequirements.cpuManufacturers (intel, amd) make no arm64 CPUs, but architecture is arm64"},
	{"generation unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.InstanceGenerations = []InstanceGeneration{"latest"}
	},
		`mixedInstancesPolicy.instanceRequirements.instanceGenerations[0] ("latest") must be one of: current, previous`},
	{"allowed and excluded", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AllowedInstanceTypes, r.ExcludedInstanceTypes = []string{"m7i.*"}, []string{"t*"}
	}, "mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes conflicts with excludedInstanceTypes"},
	{"allowed pattern with a space", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.AllowedInstanceTypes = []string{"m7i large"} },
		`mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes[0] ("m7i large") must be an instance type or a pattern with * wildcards`},
	{"excluded pattern too long", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.ExcludedInstanceTypes = []string{"m7i.large", strings.Repeat("x", 31)}
	}, "mixedInstancesPolicy.instanceRequirements.excludedInstanceTypes[1] (\"" + strings.Repeat("x", 31) + "\") must be an instance type or a pattern"},
	{"excluded empty entry", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.ExcludedInstanceTypes = []string{""} },
		`mixedInstancesPolicy.instanceRequirements.excludedInstanceTypes[0] ("") must be an instance type or a pattern`},
	{"401 allowed entries", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		for i := 0; i < 401; i++ {
			r.AllowedInstanceTypes = append(r.AllowedInstanceTypes, fmt.Sprintf("m%d*", i))
		}
	}, "mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes lists 401 entries; Auto Scaling takes at most 400"},
	{"allowed entry twice", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.AllowedInstanceTypes = []string{"c7i.*", "c7i.*"} },
		`mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes lists "c7i.*" more than once`},
	{"allowed Mac", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AllowedInstanceTypes = []string{"m7i.*", "mac1.metal"}
	},
		`mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes[1] ("mac1.metal") is a Mac instance`},
	{"allowed type of the other architecture", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AllowedInstanceTypes = []string{"m7i.large", "m7g.large"}
	}, "mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes[1] (m7g.large) is arm64 but architecture is x86_64"},
	{"allowed family of the other architecture", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AllowedInstanceTypes = []string{"c7g.*"}
	}, "mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes[0] (c7g.*) is arm64 but architecture is x86_64"},
	{"allowed GPU type without accelerators", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AllowedInstanceTypes = []string{"m7i.*", "g6.*"}
	}, "mixedInstancesPolicy.instanceRequirements.allowedInstanceTypes[1] (g6.*) has NVIDIA GPUs, but the requirements select no accelerators"},
	{"burstable unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.BurstablePerformance = Ref[AttributeInclusion]("yes")
	},
		`mixedInstancesPolicy.instanceRequirements.burstablePerformance ("yes") must be one of: included, excluded, required`},
	{"bare metal unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.BareMetal = Ref[AttributeInclusion]("only") },
		`mixedInstancesPolicy.instanceRequirements.bareMetal ("only") must be one of: included, excluded, required`},
	{"local storage unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.LocalStorage = Ref[AttributeInclusion]("nvme") },
		`mixedInstancesPolicy.instanceRequirements.localStorage ("nvme") must be one of: included, excluded, required`},
	{"local storage type unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.LocalStorageTypes = []LocalStorageType{"nvme"} },
		`mixedInstancesPolicy.instanceRequirements.localStorageTypes[0] ("nvme") must be one of: hdd, ssd`},
	{"local storage types without local storage", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.LocalStorage, r.LocalStorageTypes = Ref(InclusionExcluded), []LocalStorageType{StorageSsd}
	}, "mixedInstancesPolicy.instanceRequirements.localStorageTypes has no effect with localStorage excluded"},
	{"network interfaces min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.NetworkInterfaceCount = &IntRange{Min: ptr(4), Max: ptr(2)}
	}, "mixedInstancesPolicy.instanceRequirements.networkInterfaceCount.max (2) must be at least mixedInstancesPolicy.instanceRequirements.networkInterfaceCount.min (4)"},
	{"network interfaces negative", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.NetworkInterfaceCount = &IntRange{Max: ptr(-1)} },
		"mixedInstancesPolicy.instanceRequirements.networkInterfaceCount.max (-1) must be at least 0"},
	{"On-Demand price protection negative", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.OnDemandMaxPricePercentageOverLowestPrice = ptr(-5) },
		"mixedInstancesPolicy.instanceRequirements.onDemandMaxPricePercentageOverLowestPrice (-5) must be at least 0"},
	{"Spot price protection negative", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.SpotMaxPricePercentageOverLowestPrice = ptr(-1) },
		"mixedInstancesPolicy.instanceRequirements.spotMaxPricePercentageOverLowestPrice (-1) must be at least 0"},
	{"optimal price protection negative", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice = ptr(-1)
	},
		"mixedInstancesPolicy.instanceRequirements.maxSpotPriceAsPercentageOfOptimalOnDemandPrice (-1) must be at least 0"},
	{"both Spot price protections", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.SpotMaxPricePercentageOverLowestPrice, r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice = ptr(100), ptr(50)
	}, "mixedInstancesPolicy.instanceRequirements.spotMaxPricePercentageOverLowestPrice conflicts with maxSpotPriceAsPercentageOfOptimalOnDemandPrice"},

	{"accelerator count negative", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorCount = &IntRange{Min: ptr(-1)}
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
	}, "mixedInstancesPolicy.instanceRequirements.acceleratorCount.min (-1) must be at least 0"},
	{"accelerator count min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorCount = &IntRange{Min: ptr(8), Max: ptr(4)}
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
	}, "mixedInstancesPolicy.instanceRequirements.acceleratorCount.max (4) must be at least mixedInstancesPolicy.instanceRequirements.acceleratorCount.min (8)"},
	{"accelerator memory min above max", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorTotalMemoryMib = &IntRange{Min: ptr(24576), Max: ptr(16384)}
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
	}, "mixedInstancesPolicy.instanceRequirements.acceleratorTotalMemoryMib.max (16384) must be at least mixedInstancesPolicy.instanceRequirements.acceleratorTotalMemoryMib.min (24576)"},
	{"accelerator manufacturer unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorManufacturers = []AcceleratorManufacturer{"intel"}
	}, `mixedInstancesPolicy.instanceRequirements.acceleratorManufacturers[0] ("intel") must be one of: nvidia, amd, amazon-web-services, xilinx`},
	{"accelerator name unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.AcceleratorNames = []AcceleratorName{"h100x"} },
		`mixedInstancesPolicy.instanceRequirements.acceleratorNames[0] ("h100x") must be one of: a100, v100, k80, t4, m60, radeon-pro-v520, vu9p`},
	{"accelerator type unknown", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorTypes = []AcceleratorType{"tpu"}
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
	}, `mixedInstancesPolicy.instanceRequirements.acceleratorTypes[0] ("tpu") must be one of: gpu, fpga, inference`},
	{"accelerators excluded but named", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorCount = &IntRange{Max: ptr(0)}
		r.AcceleratorNames = []AcceleratorName{AcceleratorNameT4}
	}, "mixedInstancesPolicy.instanceRequirements.acceleratorNames has no effect with acceleratorCount.max 0 (no accelerators)"},
	{"any accelerator", func(_ *NodeGroupArgs, r *InstanceRequirements) { r.AcceleratorCount = &IntRange{Min: ptr(1)} },
		"mixedInstancesPolicy.instanceRequirements.acceleratorCount allows accelerators of any manufacturer, so a node could get one its AMI has no drivers for"},
	{"any GPU", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorTypes = []AcceleratorType{AcceleratorTypeGpu}
	},
		"mixedInstancesPolicy.instanceRequirements.acceleratorTypes allows accelerators of any manufacturer"},
	{"two manufacturers", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
		r.AcceleratorNames = []AcceleratorName{AcceleratorNameRadeonProV520}
	}, "mixedInstancesPolicy.instanceRequirements.acceleratorManufacturers: the requirements select accelerators of amd and nvidia; one AMI cannot carry the drivers all need"},
	{"AMD GPUs", func(_ *NodeGroupArgs, r *InstanceRequirements) {
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorAmd}
	}, "mixedInstancesPolicy.instanceRequirements selects AMD GPUs, for which AWS publishes no EKS-optimized AMI with drivers; use amiId"},
	{"Neuron on Bottlerocket", func(a *NodeGroupArgs, r *InstanceRequirements) {
		a.OperatingSystem = Ref(Bottlerocket)
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorAmazonWebServices}
	}, "mixedInstancesPolicy.instanceRequirements selects AWS Inferentia or Trainium (Neuron) accelerators, but AWS publishes no EKS-optimized Bottlerocket AMI with their drivers (AL2023, AL2 have them)"},
	{"Neuron on arm64", func(a *NodeGroupArgs, r *InstanceRequirements) {
		a.Architecture = Ref(ARM64)
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorAmazonWebServices}
	}, "mixedInstancesPolicy.instanceRequirements selects AWS Inferentia or Trainium (Neuron) accelerators, but the AL2023 neuron AMI exists for x86_64 only"},
	{"standard AMI for NVIDIA", func(a *NodeGroupArgs, r *InstanceRequirements) {
		a.AmiVariant = Ref(VariantStandard)
		r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
	}, "amiVariant (standard) does not match mixedInstancesPolicy.instanceRequirements, which selects NVIDIA GPUs: use amiVariant nvidia"},
	{"NVIDIA AMI without accelerators", func(a *NodeGroupArgs, _ *InstanceRequirements) { a.AmiVariant = Ref(VariantNvidia) },
		"amiVariant (nvidia) carries accelerator drivers, but mixedInstancesPolicy.instanceRequirements selects no accelerators"},
}

func TestInstanceRequirementsValidation(t *testing.T) {
	for _, tc := range badRequirements {
		t.Run(tc.name, func(t *testing.T) {
			args := spotRequirementsArgs()
			tc.mutate(args, args.MixedInstancesPolicy.InstanceRequirements)
			assertRefused(t, args, tc.want)
		})
	}
}

// Valid neighbours of the refused cases: each must deploy.
func TestInstanceRequirementsAccepted(t *testing.T) {
	cases := map[string]func(a *NodeGroupArgs, r *InstanceRequirements){
		"vcpuCount min 0, max equal to min": func(_ *NodeGroupArgs, r *InstanceRequirements) {
			r.VcpuCount = &RequiredIntRange{Min: 0, Max: ptr(1)}
			r.MemoryMib = &RequiredIntRange{Min: 2048, Max: ptr(2048)}
		},
		"400 patterns": func(_ *NodeGroupArgs, r *InstanceRequirements) {
			for i := 0; i < 400; i++ {
				r.ExcludedInstanceTypes = append(r.ExcludedInstanceTypes, fmt.Sprintf("x%d.*", i))
			}
		},
		"30-character pattern": func(_ *NodeGroupArgs, r *InstanceRequirements) {
			r.AllowedInstanceTypes = []string{"u7inh-32tb.480xlarge", strings.Repeat("*", 30)}
		},
		"mixed CPU makers on arm64": func(a *NodeGroupArgs, r *InstanceRequirements) {
			a.Architecture = Ref(ARM64)
			r.CpuManufacturers = []CpuManufacturer{CpuIntel, CpuAmazonWebServices}
		},
		"price protection off": func(_ *NodeGroupArgs, r *InstanceRequirements) {
			r.SpotMaxPricePercentageOverLowestPrice, r.OnDemandMaxPricePercentageOverLowestPrice = ptr(999999), ptr(999999)
		},
		"allowed GPU family with NVIDIA requirements": func(_ *NodeGroupArgs, r *InstanceRequirements) {
			r.AllowedInstanceTypes = []string{"g6.*", "g5.xlarge", "G6E.*", "g*"}
			r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
		},
		"explicit nvidia variant": func(a *NodeGroupArgs, r *InstanceRequirements) {
			a.AmiVariant = Ref(VariantNvidia)
			r.AcceleratorManufacturers = []AcceleratorManufacturer{AcceleratorNvidia}
		},
		"any accelerator with a custom AMI": func(a *NodeGroupArgs, r *InstanceRequirements) {
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
			r.AcceleratorCount = &IntRange{Min: ptr(1)}
		},
		"no accelerators explicitly": func(_ *NodeGroupArgs, r *InstanceRequirements) { r.AcceleratorCount = &IntRange{Max: ptr(0)} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			args := spotRequirementsArgs()
			mutate(args, args.MixedInstancesPolicy.InstanceRequirements)
			_, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
		})
	}
}

func TestInstanceRequirementsDefaultsLeaveTheInputsAlone(t *testing.T) {
	args := spotRequirementsArgs()
	a := withDefaults(args)
	assert.Nil(t, args.MixedInstancesPolicy.InstanceRequirements.AcceleratorCount, "the default goes to a copy")
	assert.Equal(t, &IntRange{Max: ptr(0)}, a.MixedInstancesPolicy.InstanceRequirements.AcceleratorCount)
	assert.Empty(t, a.InstanceType, "no instance type stands in for the requirements")
	assert.Equal(t, VariantStandard, *a.AmiVariant)
}
