package provider

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requirementsInputs maps mixedInstancesPolicy.instanceRequirements, field by field.
func requirementsInputs(t *testing.T, r *nodegroup.InstanceRequirements) *props {
	if r == nil {
		return nil
	}
	p := newProps(t)
	if v := r.VcpuCount; v != nil {
		p.object("vcpuCount", requiredRangeInputs(t, v))
	}
	if v := r.MemoryMib; v != nil {
		p.object("memoryMib", requiredRangeInputs(t, v))
	}
	if v := r.MemoryGibPerVcpu; v != nil {
		fp := newProps(t)
		for key, end := range map[string]*float64{"min": v.Min, "max": v.Max} {
			if end != nil {
				fp.set(key, property.New(*end))
			}
		}
		p.object("memoryGibPerVcpu", fp)
	}
	p.strs("cpuManufacturers", enumStrings(r.CpuManufacturers))
	p.strs("instanceGenerations", enumStrings(r.InstanceGenerations))
	p.strs("allowedInstanceTypes", r.AllowedInstanceTypes)
	p.strs("excludedInstanceTypes", r.ExcludedInstanceTypes)
	for key, v := range map[string]*nodegroup.AttributeInclusion{"burstablePerformance": r.BurstablePerformance, "bareMetal": r.BareMetal, "localStorage": r.LocalStorage} {
		if v != nil {
			p.str(key, string(*v))
		}
	}
	p.object("acceleratorCount", intRangeInputs(t, r.AcceleratorCount))
	p.strs("acceleratorManufacturers", enumStrings(r.AcceleratorManufacturers))
	p.strs("acceleratorNames", enumStrings(r.AcceleratorNames))
	p.strs("acceleratorTypes", enumStrings(r.AcceleratorTypes))
	p.object("acceleratorTotalMemoryMib", intRangeInputs(t, r.AcceleratorTotalMemoryMib))
	p.strs("localStorageTypes", enumStrings(r.LocalStorageTypes))
	p.object("networkInterfaceCount", intRangeInputs(t, r.NetworkInterfaceCount))
	p.intPtr("onDemandMaxPricePercentageOverLowestPrice", r.OnDemandMaxPricePercentageOverLowestPrice)
	p.intPtr("spotMaxPricePercentageOverLowestPrice", r.SpotMaxPricePercentageOverLowestPrice)
	p.intPtr("maxSpotPriceAsPercentageOfOptimalOnDemandPrice", r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice)
	return p
}

func requiredRangeInputs(t *testing.T, r *nodegroup.RequiredIntRange) *props {
	p := newProps(t)
	p.set("min", property.New(float64(r.Min)))
	p.intPtr("max", r.Max)
	return p
}

func intRangeInputs(t *testing.T, r *nodegroup.IntRange) *props {
	if r == nil {
		return nil
	}
	p := newProps(t)
	p.intPtr("min", r.Min)
	p.intPtr("max", r.Max)
	return p
}

func enumStrings[T ~string](values []T) []string {
	if values == nil {
		return nil
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// The numbers of instance requirements are checked like any other input before decoding.
func TestRequirementShapesAreChecked(t *testing.T) {
	inputs := property.NewMap(map[string]property.Value{
		"mixedInstancesPolicy": pmap(map[string]property.Value{
			"instanceRequirements": pmap(map[string]property.Value{
				"vcpuCount":        pmap(map[string]property.Value{"min": property.New(2.5)}),
				"memoryGibPerVcpu": pmap(map[string]property.Value{"min": property.New("2"), "max": property.New(4.5)}),
				"cpuManufacturers": property.New([]property.Value{property.New(1.0)}),
			}),
		}),
	})
	err := checkShapes(nodegroup.NodeGroupToken, "ng", inputs)
	require.Error(t, err)
	var verr *nodegroup.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, []string{
		`mixedInstancesPolicy.instanceRequirements.cpuManufacturers[0]: expected a string, got the number 1 (in YAML, quote it: "1")`,
		`mixedInstancesPolicy.instanceRequirements.memoryGibPerVcpu.min: expected a number, got the string "2"`,
		`mixedInstancesPolicy.instanceRequirements.vcpuCount.min: expected a whole number, got the number 2.5`,
	}, verr.Problems)
}
