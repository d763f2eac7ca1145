<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>ScanWidget</name>
    <message>
      <source>Hold the QR code in front of the camera</source>
      <translation>Đưa mã QR vào trước camera</translation>
    </message>
    <message>
      <source>No code was read. Try again or type it in.</source>
      <translation>Chưa đọc được mã. Hãy thử lại hoặc nhập tay.</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>Đang mở camera…</translation>
    </message>
    <message>
      <source>Please bring the card closer to the camera.</source>
      <translation>Vui lòng đưa thẻ lại gần camera hơn.</translation>
    </message>
    <message>
      <source>Light is reflecting on the card. Please tilt it a little.</source>
      <translation>Thẻ đang bị lóa sáng. Vui lòng nghiêng thẻ một chút.</translation>
    </message>
    <message>
      <source>This is not an official code. Please scan the code given by the ward.</source>
      <translation>Đây không phải mã chính thức. Vui lòng quét mã do phường cung cấp.</translation>
    </message>
    <message>
      <source>This code is not the one needed here.</source>
      <translation>Mã này không phải mã cần dùng ở bước này.</translation>
    </message>
    <message>
      <source>The code could not be read completely. Hold it still and try again.</source>
      <translation>Chưa đọc được đầy đủ mã. Hãy giữ yên và thử lại.</translation>
    </message>
    <message>
      <source>Hold the card 15–20 cm from the camera, inside the frame.</source>
      <translation>Đưa thẻ cách camera 15–20 cm, nằm trong khung.</translation>
    </message>
    <message>
      <source>This is not the QR code of an ID card. A code shown in the VNeID app cannot be used here: please hold the ID card itself, with its QR code facing the camera.</source>
      <translation>Đây không phải mã QR của thẻ căn cước. Mã hiển thị trong ứng dụng VNeID không dùng được ở đây: vui lòng đưa chính thẻ căn cước, mặt có mã QR hướng vào camera.</translation>
    </message>
    <message>
      <source>Camera images are not stored.</source>
      <translation>Hình ảnh từ camera không được lưu lại.</translation>
    </message>
    <message>
      <source>The camera is not available right now.
You can type the code in instead.</source>
      <translation>Camera hiện không sử dụng được.
Ông/Bà có thể nhập mã bằng tay.</translation>
    </message>
    <message>
      <source>Type it in</source>
      <translation>Nhập tay</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Thử lại</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
  </context>
</TS>