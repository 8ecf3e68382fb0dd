package nodegroup

// accelerator is the kind of accelerator an instance family carries, which decides the AMI
// variant its nodes need.
type accelerator string

const (
	accelNone     accelerator = ""
	accelNvidia   accelerator = "nvidia"   // NVIDIA GPUs (needs the nvidia AMI variant)
	accelNeuron   accelerator = "neuron"   // AWS Inferentia / Trainium (needs the neuron AMI variant)
	accelGaudi    accelerator = "gaudi"    // Habana Gaudi (dl1)
	accelAMDGPU   accelerator = "amd-gpu"  // AMD Radeon GPUs (g4ad)
	accelFPGA     accelerator = "fpga"     // FPGA families (f1, f2)
	accelMedia    accelerator = "media"    // Xilinx video transcoding (vt1)
	accelQualcomm accelerator = "qualcomm" // Qualcomm AI 100 (dl2q)
	accelMac      accelerator = "mac"      // Mac hardware: cannot run EKS nodes
)

// instanceFamilyInfo is what eksnodes knows of one EC2 instance family. (It is not named
// instanceFamily because that name is the function that cuts the family out of an instance
// type.)
type instanceFamilyInfo struct {
	arch  Architecture // X86_64 or ARM64
	accel accelerator
}

// instanceFamilies lists the EC2 instance families, keyed by family name (the part of the
// instance type before the dot). Sources:
//
//   - the Amazon EC2 Instance Types guide, https://docs.aws.amazon.com/ec2/latest/instancetypes/:
//     "Specifications for Amazon EC2 general purpose instances" (gp.html), "... compute optimized
//     instances" (co.html), "... memory optimized instances" (mo.html), "... storage optimized
//     instances" (so.html), "... accelerated computing instances" (ac.html), "... high-performance
//     computing instances" (hpc.html) and "... previous generation instances" (pg.html): the
//     family lists, and the architecture from each page's "Processor type (architecture)" column
//     (AWS Graviton and NVIDIA Grace are arm64; everything else x86_64);
//   - the InstanceType enum of the EC2 API model (2016-11-15, as of August 2026), which also
//     names families the captured pages lack (C8ib, C8in, C8ine, C9g, C9gd, G7, M8ib, M8idb,
//     M8idn, M8in, M8ine, M9g, M9gd, Mac-m3ultra, Mac-m4max, R8ib, R8id, R8idb, R8idn, R8in,
//     U7ib-12tb, X8i) and retired families the pages no longer list (marked below), with the
//     EC2 API release notes for those families' processors and accelerators (Graviton5 for
//     C9g/M9g, Intel Xeon 6 for the 8i* families and G7, AMD for X8aedz/M8azn, Apple silicon);
//   - the AWS Parallel Computing Service guide, "Configure UltraServer instances", for p6e-gb300.
//
// Apple silicon Macs are arm64; mac1 is an Intel Mac mini.
var instanceFamilies = map[string]instanceFamilyInfo{
	"a1":           {arch: ARM64},
	"c1":           {arch: X86_64},
	"c3":           {arch: X86_64},
	"c4":           {arch: X86_64},
	"c5":           {arch: X86_64},
	"c5a":          {arch: X86_64},
	"c5ad":         {arch: X86_64},
	"c5d":          {arch: X86_64},
	"c5n":          {arch: X86_64},
	"c6a":          {arch: X86_64},
	"c6g":          {arch: ARM64},
	"c6gd":         {arch: ARM64},
	"c6gn":         {arch: ARM64},
	"c6i":          {arch: X86_64},
	"c6id":         {arch: X86_64},
	"c6in":         {arch: X86_64},
	"c7a":          {arch: X86_64},
	"c7g":          {arch: ARM64},
	"c7gd":         {arch: ARM64},
	"c7gn":         {arch: ARM64},
	"c7i":          {arch: X86_64},
	"c7i-flex":     {arch: X86_64},
	"c8a":          {arch: X86_64},
	"c8g":          {arch: ARM64},
	"c8gb":         {arch: ARM64},
	"c8gd":         {arch: ARM64},
	"c8gn":         {arch: ARM64},
	"c8i":          {arch: X86_64},
	"c8i-flex":     {arch: X86_64},
	"c8ib":         {arch: X86_64},
	"c8id":         {arch: X86_64},
	"c8in":         {arch: X86_64},
	"c8ine":        {arch: X86_64},
	"c9g":          {arch: ARM64},                      // Graviton5
	"c9gd":         {arch: ARM64},                      // Graviton5
	"cc1":          {arch: X86_64},                     // retired; still in the EC2 API
	"cc2":          {arch: X86_64},                     // retired; still in the EC2 API
	"cg1":          {arch: X86_64, accel: accelNvidia}, // retired; still in the EC2 API
	"cr1":          {arch: X86_64},                     // retired; still in the EC2 API
	"d2":           {arch: X86_64},
	"d3":           {arch: X86_64},
	"d3en":         {arch: X86_64},
	"dl1":          {arch: X86_64, accel: accelGaudi},
	"dl2q":         {arch: X86_64, accel: accelQualcomm},
	"f1":           {arch: X86_64, accel: accelFPGA}, // retired; still in the EC2 API
	"f2":           {arch: X86_64, accel: accelFPGA},
	"g2":           {arch: X86_64, accel: accelNvidia}, // retired; still in the EC2 API
	"g3":           {arch: X86_64, accel: accelNvidia},
	"g3s":          {arch: X86_64, accel: accelNvidia}, // retired; still in the EC2 API
	"g4ad":         {arch: X86_64, accel: accelAMDGPU},
	"g4dn":         {arch: X86_64, accel: accelNvidia},
	"g5":           {arch: X86_64, accel: accelNvidia},
	"g5g":          {arch: ARM64, accel: accelNvidia},
	"g6":           {arch: X86_64, accel: accelNvidia},
	"g6e":          {arch: X86_64, accel: accelNvidia},
	"g6f":          {arch: X86_64, accel: accelNvidia}, // fractional NVIDIA L4
	"g7":           {arch: X86_64, accel: accelNvidia}, // NVIDIA RTX PRO 4500 Blackwell, Intel Xeon 6
	"g7e":          {arch: X86_64, accel: accelNvidia},
	"gr6":          {arch: X86_64, accel: accelNvidia},
	"gr6f":         {arch: X86_64, accel: accelNvidia}, // fractional NVIDIA L4
	"h1":           {arch: X86_64},
	"hi1":          {arch: X86_64}, // retired; still in the EC2 API
	"hpc6a":        {arch: X86_64},
	"hpc6id":       {arch: X86_64},
	"hpc7a":        {arch: X86_64},
	"hpc7g":        {arch: ARM64},
	"hpc8a":        {arch: X86_64},
	"hs1":          {arch: X86_64}, // retired; still in the EC2 API
	"i2":           {arch: X86_64},
	"i3":           {arch: X86_64},
	"i3en":         {arch: X86_64},
	"i4g":          {arch: ARM64},
	"i4i":          {arch: X86_64},
	"i7i":          {arch: X86_64},
	"i7ie":         {arch: X86_64},
	"i8g":          {arch: ARM64},
	"i8ge":         {arch: ARM64},
	"im4gn":        {arch: ARM64},
	"inf1":         {arch: X86_64, accel: accelNeuron},
	"inf2":         {arch: X86_64, accel: accelNeuron},
	"is4gen":       {arch: ARM64},
	"m1":           {arch: X86_64},
	"m2":           {arch: X86_64},
	"m3":           {arch: X86_64},
	"m4":           {arch: X86_64},
	"m5":           {arch: X86_64},
	"m5a":          {arch: X86_64},
	"m5ad":         {arch: X86_64},
	"m5d":          {arch: X86_64},
	"m5dn":         {arch: X86_64},
	"m5n":          {arch: X86_64},
	"m5zn":         {arch: X86_64},
	"m6a":          {arch: X86_64},
	"m6g":          {arch: ARM64},
	"m6gd":         {arch: ARM64},
	"m6i":          {arch: X86_64},
	"m6id":         {arch: X86_64},
	"m6idn":        {arch: X86_64},
	"m6in":         {arch: X86_64},
	"m7a":          {arch: X86_64},
	"m7g":          {arch: ARM64},
	"m7gd":         {arch: ARM64},
	"m7i":          {arch: X86_64},
	"m7i-flex":     {arch: X86_64},
	"m8a":          {arch: X86_64},
	"m8azn":        {arch: X86_64},
	"m8g":          {arch: ARM64},
	"m8gb":         {arch: ARM64},
	"m8gd":         {arch: ARM64},
	"m8gn":         {arch: ARM64},
	"m8i":          {arch: X86_64},
	"m8i-flex":     {arch: X86_64},
	"m8ib":         {arch: X86_64},
	"m8id":         {arch: X86_64},
	"m8idb":        {arch: X86_64},
	"m8idn":        {arch: X86_64},
	"m8in":         {arch: X86_64},
	"m8ine":        {arch: X86_64},
	"m9g":          {arch: ARM64}, // Graviton5
	"m9gd":         {arch: ARM64}, // Graviton5
	"mac-m3ultra":  {arch: ARM64, accel: accelMac},
	"mac-m4":       {arch: ARM64, accel: accelMac},
	"mac-m4max":    {arch: ARM64, accel: accelMac},
	"mac-m4pro":    {arch: ARM64, accel: accelMac},
	"mac1":         {arch: X86_64, accel: accelMac}, // Intel Core i7 Mac mini
	"mac2":         {arch: ARM64, accel: accelMac},
	"mac2-m1ultra": {arch: ARM64, accel: accelMac},
	"mac2-m2":      {arch: ARM64, accel: accelMac},
	"mac2-m2pro":   {arch: ARM64, accel: accelMac},
	"p2":           {arch: X86_64, accel: accelNvidia}, // retired; still in the EC2 API
	"p3":           {arch: X86_64, accel: accelNvidia},
	"p3dn":         {arch: X86_64, accel: accelNvidia},
	"p4d":          {arch: X86_64, accel: accelNvidia},
	"p4de":         {arch: X86_64, accel: accelNvidia},
	"p5":           {arch: X86_64, accel: accelNvidia},
	"p5e":          {arch: X86_64, accel: accelNvidia},
	"p5en":         {arch: X86_64, accel: accelNvidia},
	"p6-b200":      {arch: X86_64, accel: accelNvidia},
	"p6-b300":      {arch: X86_64, accel: accelNvidia},
	"p6e-gb200":    {arch: ARM64, accel: accelNvidia}, // NVIDIA Grace CPU
	"p6e-gb300":    {arch: ARM64, accel: accelNvidia}, // NVIDIA Grace CPU; UltraServer, named in the AWS PCS guide
	"r3":           {arch: X86_64},
	"r4":           {arch: X86_64},
	"r5":           {arch: X86_64},
	"r5a":          {arch: X86_64},
	"r5ad":         {arch: X86_64},
	"r5b":          {arch: X86_64},
	"r5d":          {arch: X86_64},
	"r5dn":         {arch: X86_64},
	"r5n":          {arch: X86_64},
	"r6a":          {arch: X86_64},
	"r6g":          {arch: ARM64},
	"r6gd":         {arch: ARM64},
	"r6i":          {arch: X86_64},
	"r6id":         {arch: X86_64},
	"r6idn":        {arch: X86_64},
	"r6in":         {arch: X86_64},
	"r7a":          {arch: X86_64},
	"r7g":          {arch: ARM64},
	"r7gd":         {arch: ARM64},
	"r7i":          {arch: X86_64},
	"r7iz":         {arch: X86_64},
	"r8a":          {arch: X86_64},
	"r8g":          {arch: ARM64},
	"r8gb":         {arch: ARM64},
	"r8gd":         {arch: ARM64},
	"r8gn":         {arch: ARM64},
	"r8i":          {arch: X86_64},
	"r8i-flex":     {arch: X86_64},
	"r8ib":         {arch: X86_64},
	"r8id":         {arch: X86_64},
	"r8idb":        {arch: X86_64},
	"r8idn":        {arch: X86_64},
	"r8in":         {arch: X86_64},
	"t1":           {arch: X86_64},
	"t2":           {arch: X86_64},
	"t3":           {arch: X86_64},
	"t3a":          {arch: X86_64},
	"t4g":          {arch: ARM64},
	"trn1":         {arch: X86_64, accel: accelNeuron},
	"trn1n":        {arch: X86_64, accel: accelNeuron},
	"trn2":         {arch: X86_64, accel: accelNeuron},
	"trn2u":        {arch: X86_64, accel: accelNeuron}, // Trn2 UltraServer node; in the instance-type guide, not the API enum
	"u-12tb1":      {arch: X86_64},                     // end of sale
	"u-18tb1":      {arch: X86_64},                     // end of sale
	"u-24tb1":      {arch: X86_64},                     // end of sale
	"u-3tb1":       {arch: X86_64},
	"u-6tb1":       {arch: X86_64},
	"u-9tb1":       {arch: X86_64}, // end of sale
	"u7i-12tb":     {arch: X86_64},
	"u7i-6tb":      {arch: X86_64},
	"u7i-8tb":      {arch: X86_64},
	"u7ib-12tb":    {arch: X86_64},
	"u7in-16tb":    {arch: X86_64},
	"u7in-24tb":    {arch: X86_64},
	"u7in-32tb":    {arch: X86_64},
	"u7inh-32tb":   {arch: X86_64},
	"vt1":          {arch: X86_64, accel: accelMedia},
	"x1":           {arch: X86_64},
	"x1e":          {arch: X86_64},
	"x2gd":         {arch: ARM64},
	"x2idn":        {arch: X86_64},
	"x2iedn":       {arch: X86_64},
	"x2iezn":       {arch: X86_64},
	"x8aedz":       {arch: X86_64},
	"x8g":          {arch: ARM64},
	"x8i":          {arch: X86_64},
	"z1d":          {arch: X86_64},
}
