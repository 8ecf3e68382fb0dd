package fakeaws_test

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// The stand-in takes the attribute-based instance type selection eksnodes sends, in the types
// pulumi-aws declares (integers, a fractional memory per vCPU, strings).
func TestGroupTakesInstanceRequirements(t *testing.T) {
	checkOK(t, newServer(t), urn(fakeaws.GroupToken, "asg"), obj(map[string]any{
		"namePrefix": "spot-", "minSize": 0, "maxSize": 10, "vpcZoneIdentifiers": []string{"subnet-1"},
		"mixedInstancesPolicy": map[string]any{
			"launchTemplate": map[string]any{
				"launchTemplateSpecification": map[string]any{"launchTemplateId": "lt-1", "version": "1"},
				"overrides": []any{map[string]any{"instanceRequirements": map[string]any{
					"vcpuCount":             map[string]any{"min": 2, "max": 8},
					"memoryMib":             map[string]any{"min": 4096},
					"memoryGibPerVcpu":      map[string]any{"min": 2, "max": 4.5},
					"cpuManufacturers":      []any{"intel", "amd"},
					"instanceGenerations":   []any{"current"},
					"excludedInstanceTypes": []any{"*.metal*"},
					"burstablePerformance":  "excluded",
					"acceleratorCount":      map[string]any{"max": 0},
					"networkInterfaceCount": map[string]any{"min": 1},
					"maxSpotPriceAsPercentageOfOptimalOnDemandPrice": 60,
					"onDemandMaxPricePercentageOverLowestPrice":      20,
				}}},
			},
			"instancesDistribution": map[string]any{
				"onDemandAllocationStrategy": "lowest-price", "onDemandBaseCapacity": 0,
				"onDemandPercentageAboveBaseCapacity": 0, "spotAllocationStrategy": "price-capacity-optimized",
			},
		},
	}))
}
