package userdata

// HardeningUnit is the systemd unit that applies the AL2023 baseline hardening once the node
// has joined.
const HardeningUnit = "eksnodes-hardening.service"

// AL2023HardeningScript returns the script part that sets up the baseline hardening of an
// Amazon Linux 2023 node without delaying its join: it only writes a systemd unit and queues it.
// The unit waits until the kubelet runs, then, at idle priority, installs and enables
// dnf-automatic for security updates and AIDE for file-integrity monitoring (a baseline
// database, then a daily check). Package downloads happen in the unit, never in the script.
func AL2023HardeningScript() string {
	return `#!/usr/bin/env bash
# eksnodes baseline hardening: queued now, run after the kubelet is up.
set -o errexit -o nounset -o pipefail
cat > /etc/systemd/system/` + HardeningUnit + ` <<'EKSNODES_UNIT'
[Unit]
Description=eksnodes baseline hardening (security updates, file integrity)
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
Nice=19
IOSchedulingClass=idle
TimeoutStartSec=infinity
ExecStartPre=/bin/sh -c 'until systemctl is-active --quiet kubelet; do sleep 15; done'
ExecStart=/bin/sh -c 'dnf install -y --setopt=install_weak_deps=False dnf-automatic aide'
ExecStart=/bin/sh -c 'sed -i -e "s/^upgrade_type *=.*/upgrade_type = security/" -e "s/^apply_updates *=.*/apply_updates = yes/" /etc/dnf/automatic.conf'
ExecStart=/bin/systemctl enable --now dnf-automatic.timer
ExecStart=/bin/sh -c 'aide --init && mv -f /var/lib/aide/aide.db.new.gz /var/lib/aide/aide.db.gz'
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
