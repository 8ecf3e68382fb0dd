package nodegroup

import (
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Attribute-based instance type selection (mixedInstancesPolicy.instanceRequirements). The
// attributes and their values are those of the EC2 Auto Scaling API's InstanceRequirements
// (Amazon EC2 Auto Scaling API Reference, "InstanceRequirements"; the same model in the AWS SDK
// for Go, service/autoscaling), which pulumi-aws v6 passes through as
// mixedInstancesPolicy.launchTemplate.overrides[].instanceRequirements.

// requirementsOf returns the instance requirements of a mixed-instances policy, or nil.
func requirementsOf(m *MixedInstancesPolicy) *InstanceRequirements {
	if m == nil {
		return nil
	}
	return m.InstanceRequirements
}

// requirementsDefaults returns a copy of r with eksnodes' defaults: without any accelerator
// attribute, no accelerators (acceleratorCount.max 0), so that Auto Scaling never launches a
// GPU type with an AMI that has no drivers for it (AWS's own default allows any accelerator).
func requirementsDefaults(r *InstanceRequirements) *InstanceRequirements {
	if r == nil {
		return nil
	}
	out := *r
	if !r.mentionsAccelerators() {
		out.AcceleratorCount = &IntRange{Max: ptr(0)}
	}
	return &out
}

// mentionsAccelerators reports whether any accelerator attribute is given.
func (r *InstanceRequirements) mentionsAccelerators() bool {
	return r.AcceleratorCount != nil || len(r.AcceleratorManufacturers) > 0 || len(r.AcceleratorNames) > 0 ||
		len(r.AcceleratorTypes) > 0 || r.AcceleratorTotalMemoryMib != nil
}

// allowsAccelerators reports whether the requirements may select instance types with
// accelerators: every accelerator attribute but acceleratorCount.max 0 does.
func (r *InstanceRequirements) allowsAccelerators() bool {
	if c := r.AcceleratorCount; c != nil && c.Max != nil && *c.Max == 0 {
		return false
	}
	return r.mentionsAccelerators()
}

// acceleratorNameMakers are the manufacturers of the accelerator models Auto Scaling selects by.
var acceleratorNameMakers = map[AcceleratorName]AcceleratorManufacturer{
	AcceleratorNameA100: AcceleratorNvidia, AcceleratorNameV100: AcceleratorNvidia, AcceleratorNameK80: AcceleratorNvidia,
	AcceleratorNameT4: AcceleratorNvidia, AcceleratorNameM60: AcceleratorNvidia,
	AcceleratorNameRadeonProV520: AcceleratorAmd, AcceleratorNameVu9p: AcceleratorXilinx,
}

// makerAccelerators map accelerator manufacturers to the accelerator kinds whose drivers decide
// the AMI variant (families.go).
var makerAccelerators = map[AcceleratorManufacturer]accelerator{
	AcceleratorNvidia: accelNvidia, AcceleratorAmazonWebServices: accelNeuron, AcceleratorAmd: accelAMDGPU, AcceleratorXilinx: accelFPGA,
}

// acceleratorMakers returns the known accelerator manufacturers the requirements name, directly
// or through accelerator names, sorted and without repeats.
func (r *InstanceRequirements) acceleratorMakers() []AcceleratorManufacturer {
	var out []AcceleratorManufacturer
	for _, m := range r.AcceleratorManufacturers {
		if _, ok := makerAccelerators[m]; ok {
			out = append(out, m)
		}
	}
	for _, n := range r.AcceleratorNames {
		if m, ok := acceleratorNameMakers[n]; ok {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// accelerator returns the accelerator whose drivers the nodes need: none when the requirements
// select no accelerators or do not name exactly one manufacturer (refused by validation).
func (r *InstanceRequirements) accelerator() accelerator {
	if makers := r.acceleratorMakers(); r.allowsAccelerators() && len(makers) == 1 {
		return makerAccelerators[makers[0]]
	}
	return accelNone
}

// requirementsArgs maps instance requirements to the Auto Scaling group's launch template
// override, in the types pulumi-aws declares (integers, numbers, strings), so that the state
// holds what was sent and the next preview shows no difference. Unset attributes are left out:
// AWS applies its defaults.
func requirementsArgs(r *InstanceRequirements) autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsArgs {
	out := autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsArgs{
		AllowedInstanceTypes:  stringsOrNil(r.AllowedInstanceTypes),
		ExcludedInstanceTypes: stringsOrNil(r.ExcludedInstanceTypes),
		CpuManufacturers:      stringsOrNil(r.CpuManufacturers),
		InstanceGenerations:   stringsOrNil(r.InstanceGenerations),
		BareMetal:             inclusionArg(r.BareMetal),
		BurstablePerformance:  inclusionArg(r.BurstablePerformance),
		LocalStorage:          inclusionArg(r.LocalStorage),
		LocalStorageTypes:     stringsOrNil(r.LocalStorageTypes),

		AcceleratorManufacturers: stringsOrNil(r.AcceleratorManufacturers),
		AcceleratorNames:         stringsOrNil(r.AcceleratorNames),
		AcceleratorTypes:         stringsOrNil(r.AcceleratorTypes),

		OnDemandMaxPricePercentageOverLowestPrice:      pulumi.IntPtrFromPtr(r.OnDemandMaxPricePercentageOverLowestPrice),
		SpotMaxPricePercentageOverLowestPrice:          pulumi.IntPtrFromPtr(r.SpotMaxPricePercentageOverLowestPrice),
		MaxSpotPriceAsPercentageOfOptimalOnDemandPrice: pulumi.IntPtrFromPtr(r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice),
	}
	if v := r.VcpuCount; v != nil {
		out.VcpuCount = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsVcpuCountArgs{
			Min: pulumi.Int(v.Min), Max: pulumi.IntPtrFromPtr(v.Max)}
	}
	if v := r.MemoryMib; v != nil {
		out.MemoryMib = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsMemoryMibArgs{
			Min: pulumi.Int(v.Min), Max: pulumi.IntPtrFromPtr(v.Max)}
	}
	if v := r.MemoryGibPerVcpu; v != nil {
		out.MemoryGibPerVcpu = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsMemoryGibPerVcpuArgs{
			Min: pulumi.Float64PtrFromPtr(v.Min), Max: pulumi.Float64PtrFromPtr(v.Max)}
	}
	if v := r.AcceleratorCount; v != nil {
		out.AcceleratorCount = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsAcceleratorCountArgs{
			Min: pulumi.IntPtrFromPtr(v.Min), Max: pulumi.IntPtrFromPtr(v.Max)}
	}
	if v := r.AcceleratorTotalMemoryMib; v != nil {
		out.AcceleratorTotalMemoryMib = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsAcceleratorTotalMemoryMibArgs{
			Min: pulumi.IntPtrFromPtr(v.Min), Max: pulumi.IntPtrFromPtr(v.Max)}
	}
	if v := r.NetworkInterfaceCount; v != nil {
		out.NetworkInterfaceCount = autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideInstanceRequirementsNetworkInterfaceCountArgs{
			Min: pulumi.IntPtrFromPtr(v.Min), Max: pulumi.IntPtrFromPtr(v.Max)}
	}
	return out
}

// stringsOrNil returns a list of strings, or nil for an empty list, which is left out.
func stringsOrNil[T ~string](values []T) pulumi.StringArrayInput {
	if len(values) == 0 {
		return nil
	}
	out := make(pulumi.StringArray, len(values))
	for i, v := range values {
		out[i] = pulumi.String(string(v))
	}
	return out
}

func inclusionArg(v *AttributeInclusion) pulumi.StringPtrInput {
	if v == nil {
		return nil
	}
	return pulumi.String(string(*v))
}
