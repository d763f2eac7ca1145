<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>VneidScreen</name>
    <message>
      <source>What is a level-2 account?</source>
      <translation>Tài khoản mức độ 2 là gì?</translation>
    </message>
    <message>
      <source>A level-2 electronic ID account lets you use every feature of the VNeID app: your electronic ID card, the papers linked to it and online public services.</source>
      <translation>Tài khoản định danh điện tử mức độ 2 cho phép Ông/Bà dùng mọi tính năng của ứng dụng VNeID: căn cước điện tử, các giấy tờ đã tích hợp và dịch vụ công trực tuyến.</translation>
    </message>
    <message>
      <source>Where do I activate it?</source>
      <translation>Kích hoạt ở đâu?</translation>
    </message>
    <message>
      <source>At the ward (commune) police, or where ID cards are issued. Bring your chip ID card and the phone number or e-mail address you want to use. This station cannot activate it for you.</source>
      <translation>Tại Công an phường (xã) hoặc nơi làm thủ tục cấp thẻ căn cước. Vui lòng mang thẻ căn cước gắn chíp và số điện thoại hoặc địa chỉ thư điện tử muốn dùng. Trạm này không kích hoạt thay được.</translation>
    </message>
    <message>
      <source>How do I look up the result?</source>
      <translation>Tra cứu kết quả thế nào?</translation>
    </message>
    <message>
      <source>The result comes by text message, by e-mail or in the VNeID app. When it is approved, open VNeID and follow the steps to activate the account.</source>
      <translation>Kết quả được báo qua tin nhắn, thư điện tử hoặc trong ứng dụng VNeID. Khi được duyệt, Ông/Bà mở VNeID và làm theo hướng dẫn để kích hoạt tài khoản.</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Nguồn</translation>
    </message>
    <message>
      <source>VNeID electronic ID</source>
      <translation>Định danh điện tử VNeID</translation>
    </message>
    <message>
      <source>What a level-2 account is, where to activate it and how to check the result.</source>
      <translation>Tài khoản mức độ 2 là gì, kích hoạt ở đâu và tra cứu kết quả thế nào.</translation>
    </message>
    <message>
      <source>Papers and steps to activate</source>
      <translation>Giấy tờ, các bước kích hoạt</translation>
    </message>
    <message>
      <source>Checking the result</source>
      <translation>Tra cứu kết quả</translation>
    </message>
    <message>
      <source>VNeID</source>
      <translation>VNeID</translation>
    </message>
  </context>
</TS>