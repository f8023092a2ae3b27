extension SNMPCredentialsError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .v3WithoutUser(let devices):
            let names = devices.count > 5 ? devices.prefix(5).joined(separator: ", ") + " và \(devices.count - 5) thiết bị khác"
                                          : devices.joined(separator: ", ")
            return "\(names): snmp_version là 3 nhưng cấu hình chưa có người dùng SNMPv3; hãy đặt snmp.v3_user "
                + "(và v3_auth_key, v3_priv_key) trong tệp cấu hình, hoặc cho \(devices.count == 1 ? "thiết bị này" : "các thiết bị này") snmp_version khác"
        case .unknownCommunity(let device, let name, let known):
            let list = known.isEmpty ? "tệp chưa có mục nào" : "tệp có " + known.prefix(10).joined(separator: ", ")
            return "\(device): snmp_community \"@\(name)\" không ứng với mục nào trong [snmp.communities] của tệp bí mật (\(list)); "
                + "hãy thêm \(name) = \"...\" vào đó, hoặc sửa snmp_community của thiết bị"
        }
    }
}
