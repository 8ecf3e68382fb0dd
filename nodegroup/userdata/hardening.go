package userdata

// HardeningUnit is the systemd unit that applies the AL2023 baseline hardening once the node
// has joined.
const HardeningUnit = "eksnodes-hardening.service"

// AIDEDatabase is where AIDE keeps the baseline it checks against.
const AIDEDatabase = "/var/lib/aide/aide.db.gz"

// AL2023HardeningScript returns the script part that sets up the baseline hardening of an
// Amazon Linux 2023 node without delaying its join: it only writes systemd units and queues
// one. Once the kubelet runs, that unit installs AIDE at idle priority, records the file-integrity
// baseline and enables a daily check. The baseline is recorded once: the unit does nothing on
// later boots (ConditionPathExists), so a reboot never resets it.
//
// There is no automatic package update: the EKS-optimized AL2023 AMI locks its repository to
// the AMI's release and version-locks the kernel and containerd (AL2023 "deterministic
// upgrades"; amazon-eks-ami install-worker.sh), so dnf-automatic would install nothing. Security
// patches arrive by rolling the group to a newer AMI.
func AL2023HardeningScript() string {
	return `#!/usr/bin/env bash
# eksnodes baseline hardening: queued now, run after the kubelet is up.
set -o errexit -o nounset -o pipefail
cat > /etc/systemd/system/` + HardeningUnit + ` <<'EKSNODES_UNIT'
[Unit]
Description=eksnodes baseline hardening (file-integrity baseline, once)
Wants=network-online.target
After=network-online.target
ConditionPathExists=!` + AIDEDatabase + `

[Service]
Type=oneshot
Nice=19
IOSchedulingClass=idle
TimeoutStartSec=infinity
ExecStartPre=/bin/sh -c 'until systemctl is-active --quiet kubelet; do sleep 15; done'
ExecStart=/bin/sh -c 'rpm -q aide || dnf install -y --setopt=install_weak_deps=False aide'
ExecStart=/bin/sh -c 'aide --init && mv -f /var/lib/aide/aide.db.new.gz ` + AIDEDatabase + `'
ExecStart=/bin/systemctl enable --now eksnodes-aide-check.timer

[Install]
WantedBy=multi-user.target
EKSNODES_UNIT
cat > /etc/systemd/system/eksnodes-aide-check.service <<'EKSNODES_UNIT'
[Unit]
Description=eksnodes daily file-integrity check (AIDE)

[Service]
Type=oneshot
Nice=19
IOSchedulingClass=idle
ExecStart=/usr/sbin/aide --check
EKSNODES_UNIT
cat > /etc/systemd/system/eksnodes-aide-check.timer <<'EKSNODES_UNIT'
[Unit]
Description=eksnodes daily file-integrity check (AIDE)

[Timer]
OnCalendar=daily
RandomizedDelaySec=1h
Persistent=true

[Install]
WantedBy=timers.target
EKSNODES_UNIT
systemctl daemon-reload
systemctl enable ` + HardeningUnit + `
systemctl --no-block start ` + HardeningUnit + `
`
}
