"""EKS GPU nodes for distributed training, from Python.

EFA on every network card of the instance type, the security group rules EFA needs, and
either a cluster placement group that eksnodes creates or a targeted capacity reservation
(an On-Demand Capacity Reservation, or a Capacity Block for ML), whose own placement applies.
The cluster facts come from stack configuration (Pulumi.yaml holds demo defaults).
"""

from typing import Optional

import pulumi
import pulumi_eksnodes as eksnodes

config = pulumi.Config()
reservation = config.get("capacityReservationId") or ""
capacity_block = config.get_bool("capacityBlock") or False
nodes = config.get_int("nodeCount") or 2

reservation_args: Optional[eksnodes.CapacityReservationArgs] = None
market_args: Optional[eksnodes.InstanceMarketOptionsArgs] = None
if reservation:
    reservation_args = eksnodes.CapacityReservationArgs(reservation_id=reservation)
    if capacity_block:
        market_args = eksnodes.InstanceMarketOptionsArgs(market_type=eksnodes.MarketType.CAPACITY_BLOCK)

gpus = eksnodes.NodeGroup(
    "gpus",
    cluster=eksnodes.ClusterArgs(
        name=config.require("clusterName"),
        endpoint=config.require("clusterEndpoint"),
        certificate_authority=config.require("clusterCertificateAuthority"),
        service_cidr=config.require("clusterServiceCidr"),
        version=config.require("clusterVersion"),
        security_group_id=config.require("clusterSecurityGroupId"),
        vpc_id=config.require("vpcId"),
    ),
    # A cluster placement group and a Capacity Block each live in one Availability Zone.
    subnet_ids=[config.require("subnetId")],
    instance_type=config.require("instanceType"),
    min_size=0,
    max_size=nodes,
    desired_capacity=nodes,
    efa=eksnodes.EfaOptionsArgs(interface_count=config.get_int("efaInterfaces") or 1),
    capacity_reservation=reservation_args,
    instance_market_options=market_args,
    # Scratch space for datasets and checkpoints, besides the root volume.
    data_volumes=[
        eksnodes.DataVolumeArgs(device_name="/dev/xvdb", size=1000, iops=16000, throughput=1000),
    ],
    node_root_volume_size=200,
    labels={"workload": "training"},
    taints={
        "nvidia.com/gpu": eksnodes.TaintArgs(value="true", effect=eksnodes.TaintEffect.NO_SCHEDULE),
    },
    node_role_options=eksnodes.NodeRoleOptionsArgs(enable_ssm_access=True),
    tags={"environment": "demo", "workload": "training"},
)

pulumi.export("autoScalingGroupName", gpus.auto_scaling_group_name)
pulumi.export("launchTemplateId", gpus.launch_template_id)
pulumi.export("securityGroupId", gpus.security_group_id)
pulumi.export("amiId", gpus.ami_id)
