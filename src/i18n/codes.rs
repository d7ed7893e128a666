//! Labels of the contract's enum codes (industries, stages, roles…) in both languages.

use super::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Industry,
    OpportunityType,
    Confidence,
    Stage,
    Role,
    PartnerType,
    AssociationType,
    OrderStatus,
    OrderType,
    ServiceType,
    /// A product id of a quota's or coupon's scope (V1 `limit_infos`).
    Product,
    ResourceStatus,
    OnDemandStatus,
    ExpirePolicy,
}

type Table = &'static [(&'static str, &'static str, &'static str)];

const INDUSTRY: Table = &[
    ("INTERNET", "互联网", "Internet"),
    ("FINANCE", "金融", "Finance"),
    ("MANUFACTURING", "制造", "Manufacturing"),
    ("EDUCATION", "教育", "Education"),
    ("HEALTHCARE", "医疗健康", "Healthcare"),
    ("GOVERNMENT", "政府与公共事业", "Government & public sector"),
    ("RETAIL", "零售", "Retail"),
    ("ENERGY", "能源", "Energy"),
    ("LOGISTICS", "交通物流", "Transport & logistics"),
    ("GAMING", "游戏", "Gaming"),
    ("MEDIA", "媒体娱乐", "Media & entertainment"),
    ("OTHER", "其他", "Other"),
];

const OPPORTUNITY_TYPE: Table = &[
    ("NEW_CUSTOMER", "新客拓展", "New customer"),
    ("UPSELL", "存量增购", "Upsell"),
    ("MIGRATION", "迁移上云", "Cloud migration"),
    ("RENEWAL", "续约", "Renewal"),
];

const CONFIDENCE: Table = &[("LOW", "低", "Low"), ("MEDIUM", "中", "Medium"), ("HIGH", "高", "High")];

const STAGE: Table = &[
    ("LEAD", "线索", "Lead"),
    ("QUALIFIED", "需求确认", "Qualified"),
    ("SOLUTION", "方案设计", "Solution design"),
    ("NEGOTIATION", "商务谈判", "Negotiation"),
    ("WON", "赢单", "Won"),
    ("LOST", "丢单", "Lost"),
];

const ROLE: Table = &[
    ("ADMIN", "管理员", "Admin"),
    ("SUPERVISOR", "客户经理主管", "Supervisor"),
    ("ACCOUNT_MANAGER", "客户经理", "Account manager"),
];

const PARTNER_TYPE: Table = &[
    ("DISTRIBUTOR", "一级经销商", "Tier-1 distributor"),
    ("RESELLER", "二级经销商", "Tier-2 reseller"),
    ("SERVICE_PARTNER", "服务伙伴", "Service partner"),
];

const ASSOCIATION_TYPE: Table = &[("1", "顾问销售", "Referral"), ("2", "代售", "Resale"), ("3", "转售", "Reseller")];

const ORDER_STATUS: Table = &[
    ("1", "待审核", "Pending review"),
    ("2", "待退款", "Pending refund"),
    ("3", "处理中", "Processing"),
    ("4", "已取消", "Cancelled"),
    ("5", "已完成", "Completed"),
    ("6", "待支付", "Pending payment"),
    ("9", "待确认", "Pending confirmation"),
    ("10", "待发货", "Pending shipment"),
    ("11", "待收货", "Pending receipt"),
    ("12", "待上门取件", "Pending pickup"),
    ("13", "换新中", "Replacing"),
];

const ORDER_TYPE: Table = &[
    ("1", "新购", "New purchase"),
    ("2", "续订", "Renewal"),
    ("3", "变更", "Change"),
    ("4", "退订", "Unsubscription"),
    ("10", "包年/包月转按需", "Yearly/monthly to pay-per-use"),
    ("11", "按需转包年/包月", "Pay-per-use to yearly/monthly"),
    ("13", "试用", "Trial"),
    ("14", "试用转商用", "Trial to commercial"),
    ("15", "费用调整", "Fee adjustment"),
];

const SERVICE_TYPE: Table = &[
    ("hws.service.type.ec2", "弹性云服务器", "Elastic Cloud Server"),
    ("hws.service.type.ebs", "云硬盘", "Elastic Volume Service"),
    ("hws.service.type.rds", "云数据库 RDS", "Relational Database Service"),
    ("hws.service.type.obs", "对象存储服务", "Object Storage Service"),
    ("hws.service.type.vpc", "虚拟私有云", "Virtual Private Cloud"),
    ("hws.service.type.cdn", "内容分发网络", "Content Delivery Network"),
    ("hws.service.type.dcs", "分布式缓存服务", "Distributed Cache Service"),
    ("hws.service.type.evs", "云硬盘", "Elastic Volume Service"),
    ("hws.service.type.elb", "弹性负载均衡", "Elastic Load Balance"),
    ("hws.service.type.cce", "云容器引擎", "Cloud Container Engine"),
    ("hws.service.type.ebackup", "云备份", "Cloud Backup and Recovery"),
];

/// The products the sandbox's quotas are scoped to; a real catalogue's other ids are shown as
/// they come (no public API names them).
const PRODUCT: Table = &[
    ("00301-225004-0--0", "弹性云服务器 通用计算型", "ECS general computing"),
    ("00301-225005-0--0", "弹性云服务器 通用计算增强型", "ECS general computing-plus"),
    ("00301-226002-0--0", "云硬盘 超高IO", "EVS ultra-high I/O"),
    ("00301-238005-0--0", "云数据库 RDS for MySQL 主备", "RDS for MySQL primary/standby"),
    ("00301-240013-0--0", "对象存储 标准存储包", "OBS standard storage package"),
    ("00301-241001-0--0", "弹性公网IP 带宽", "EIP bandwidth"),
    ("00301-252005-0--0", "分布式缓存 Redis 主备", "DCS for Redis primary/standby"),
    ("00301-261003-0--0", "内容分发网络 流量包", "CDN traffic package"),
];

const RESOURCE_STATUS: Table =
    &[("2", "使用中", "In use"), ("3", "已关闭", "Closed"), ("4", "已冻结", "Frozen"), ("5", "已过期", "Expired")];

const ON_DEMAND_STATUS: Table = &[
    ("1", "正常", "Normal"),
    ("2", "宽限期", "Grace period"),
    ("3", "已冻结", "Frozen"),
    ("4", "变更中", "Changing"),
    ("5", "正在关闭", "Closing"),
    ("6", "已关闭", "Closed"),
];

const EXPIRE_POLICY: Table = &[
    ("0", "进入宽限期", "Grace period"),
    ("1", "转按需", "To pay-per-use"),
    ("2", "自动删除", "Delete"),
    ("3", "自动续费", "Auto-renew"),
    ("4", "冻结", "Freeze"),
    ("5", "保留期后删除", "Delete after retention"),
];

/// The codes of a kind, in display order (for filter options).
pub fn codes_of(kind: CodeKind) -> Vec<&'static str> {
    table(kind).iter().map(|(c, _, _)| *c).collect()
}

fn table(kind: CodeKind) -> Table {
    match kind {
        CodeKind::Industry => INDUSTRY,
        CodeKind::OpportunityType => OPPORTUNITY_TYPE,
        CodeKind::Confidence => CONFIDENCE,
        CodeKind::Stage => STAGE,
        CodeKind::Role => ROLE,
        CodeKind::PartnerType => PARTNER_TYPE,
        CodeKind::AssociationType => ASSOCIATION_TYPE,
        CodeKind::OrderStatus => ORDER_STATUS,
        CodeKind::OrderType => ORDER_TYPE,
        CodeKind::ServiceType => SERVICE_TYPE,
        CodeKind::Product => PRODUCT,
        CodeKind::ResourceStatus => RESOURCE_STATUS,
        CodeKind::OnDemandStatus => ON_DEMAND_STATUS,
        CodeKind::ExpirePolicy => EXPIRE_POLICY,
    }
}

/// The label of a code; an unknown code is shown as itself rather than hidden.
pub fn code_label(kind: CodeKind, code: &str, locale: Locale) -> String {
    table(kind)
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, en)| match locale {
            Locale::ZhCn => zh.to_string(),
            Locale::En => en.to_string(),
        })
        .unwrap_or_else(|| code.to_string())
}
