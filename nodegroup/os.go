package nodegroup

// rootVolume describes the volume a node's root (or, on Bottlerocket, data) disk lives on.
type rootVolume struct {
	device  string // the device the size and type settings apply to
	minSize int    // GiB: the size of the AMI's snapshot for that device
	// osDevice is Bottlerocket's separate OS volume, kept at the AMI's size but encrypted.
	osDevice string
}

// rootVolumeFor returns where each operating system keeps the disk users size.
func rootVolumeFor(os OperatingSystem) rootVolume {
	switch {
	case os == Bottlerocket:
		// Bottlerocket's first volume holds the read-only OS; the second holds containers and
		// their data, which is what users size.
		return rootVolume{device: "/dev/xvdb", minSize: 20, osDevice: "/dev/xvda"}
	case os.IsWindows():
		return rootVolume{device: "/dev/sda1", minSize: 50}
	default:
		return rootVolume{device: "/dev/xvda", minSize: 20}
	}
}

// accessEntryTypeFor returns the EKS access entry type of an operating system's nodes.
func accessEntryTypeFor(os OperatingSystem) AccessEntryType {
	if os.IsWindows() {
		return AccessEntryEC2Windows
	}
	return AccessEntryEC2Linux
}
