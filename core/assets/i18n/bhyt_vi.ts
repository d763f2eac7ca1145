<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>BhytChooseScreen</name>
    <message>
      <source>This station cannot take this application yet: the procedure is not in its list of procedures. Please ask the staff, or apply at the ward office.</source>
      <translation>Trạm chưa nhận được hồ sơ này: thủ tục chưa có trong danh mục thủ tục của trạm. Vui lòng hỏi cán bộ, hoặc nộp tại bộ phận một cửa của phường.</translation>
    </message>
    <message>
      <source>Family health insurance</source>
      <translation>Bảo hiểm y tế hộ gia đình</translation>
    </message>
    <message>
      <source>Please choose: register your household for the first time, or renew the health insurance cards your household already has.</source>
      <translation>Vui lòng chọn: đăng ký cho hộ gia đình lần đầu, hoặc gia hạn thẻ bảo hiểm y tế mà hộ gia đình Ông/Bà đang có.</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Renew</source>
      <translation>Gia hạn</translation>
    </message>
    <message>
      <source>The first person pays 4.5 % of the base salary a month; the second, third and fourth pay 70 %, 60 % and 50 % of that; the fifth and each further person 40 %.</source>
      <translation>Người thứ nhất đóng 4,5 % mức lương cơ sở mỗi tháng; người thứ hai, thứ ba, thứ tư đóng lần lượt 70 %, 60 %, 50 % mức đóng của người thứ nhất; từ người thứ năm trở đi mỗi người đóng 40 %.</translation>
    </message>
    <message>
      <source>You will need your ID card and, for each person, their ID card or their personal identification number.</source>
      <translation>Ông/Bà cần thẻ căn cước của mình và, với mỗi người, thẻ căn cước hoặc số định danh cá nhân của người đó.</translation>
    </message>
  </context>
  <context>
    <name>BhytMemberScreen</name>
    <message>
      <source>Please type the person's full name.</source>
      <translation>Vui lòng nhập họ và tên của người này.</translation>
    </message>
    <message>
      <source>Please type the name in letters only (at most 60).</source>
      <translation>Vui lòng nhập tên chỉ bằng chữ (tối đa 60 ký tự).</translation>
    </message>
    <message>
      <source>The ID number has 12 digits. Please check it.</source>
      <translation>Số định danh có 12 chữ số. Vui lòng kiểm tra lại.</translation>
    </message>
    <message>
      <source>Please type the birth date as day/month/year, for example 05/09/2015.</source>
      <translation>Vui lòng nhập ngày sinh theo ngày/tháng/năm, ví dụ 05/09/2015.</translation>
    </message>
    <message>
      <source>The birth date cannot be in the future.</source>
      <translation>Ngày sinh không thể ở tương lai.</translation>
    </message>
    <message>
      <source>Please check the year of birth.</source>
      <translation>Vui lòng kiểm tra lại năm sinh.</translation>
    </message>
    <message>
      <source>This person is already on the list.</source>
      <translation>Người này đã có trong danh sách.</translation>
    </message>
    <message>
      <source>The station takes at most %1 people. For a larger household, please ask the staff.</source>
      <translation>Trạm nhận tối đa %1 người. Hộ gia đình đông hơn, vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Children under %1 get their health insurance card from the State free of charge; they are not added here. Please ask the staff.</source>
      <translation>Trẻ em dưới %1 tuổi được Nhà nước cấp thẻ bảo hiểm y tế miễn phí, không thêm vào đây. Vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Please check the details.</source>
      <translation>Vui lòng kiểm tra lại thông tin.</translation>
    </message>
    <message>
      <source>Add a person</source>
      <translation>Thêm người</translation>
    </message>
    <message>
      <source>Please hold this person's own ID card to the camera.</source>
      <translation>Vui lòng đưa thẻ căn cước của chính người này trước máy ảnh.</translation>
    </message>
    <message>
      <source>Please type this person's full name, 12-digit ID number and birth date.</source>
      <translation>Vui lòng nhập họ và tên, số định danh 12 chữ số và ngày sinh của người này.</translation>
    </message>
    <message>
      <source>Show the QR code on this person's ID card</source>
      <translation>Đưa mã QR trên thẻ căn cước của người này</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>Số định danh</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>12 digits</source>
      <translation>12 chữ số</translation>
    </message>
    <message>
      <source>DD/MM/YYYY</source>
      <translation>NN/TT/NNNN</translation>
    </message>
    <message>
      <source>✓  Add this person</source>
      <translation>✓  Thêm người này</translation>
    </message>
    <message>
      <source>Scan their card</source>
      <translation>Quét thẻ của người này</translation>
    </message>
  </context>
  <context>
    <name>BhytMembersScreen</name>
    <message>
      <source>ID number %1 · born %2</source>
      <translation>Số định danh %1 · sinh ngày %2</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
      <source>Please add at least one person.</source>
      <translation>Vui lòng thêm ít nhất một người.</translation>
    </message>
    <message>
      <source>Household members</source>
      <translation>Thành viên hộ gia đình</translation>
    </message>
    <message>
      <source>%1 of at most %2 people</source>
      <translation>%1 người (tối đa %2 người)</translation>
    </message>
    <message>
      <source>Household members to cover</source>
      <translation>Những người tham gia bảo hiểm y tế</translation>
    </message>
    <message>
      <source>Please add each person to cover. Scanning each person's own ID card is quickest; you can also type their details.</source>
      <translation>Vui lòng thêm từng người tham gia. Quét thẻ căn cước của từng người là nhanh nhất; Ông/Bà cũng có thể nhập thông tin.</translation>
    </message>
    <message>
      <source>Nobody is on the list yet.</source>
      <translation>Danh sách chưa có ai.</translation>
    </message>
    <message>
      <source>＋  Add a person</source>
      <translation>＋  Thêm người</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Tiếp tục</translation>
    </message>
  </context>
  <context>
    <name>BhytQuoteScreen</name>
    <message>
      <source>Person</source>
      <translation>Người tham gia</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Mức đóng</translation>
    </message>
    <message>
      <source>A month</source>
      <translation>Mỗi tháng</translation>
    </message>
    <message>
      <source>For %1 months</source>
      <translation>Cho %1 tháng</translation>
    </message>
    <message>
      <source>4.5 % of the base salary</source>
      <translation>4,5 % lương cơ sở</translation>
    </message>
    <message>
      <source>%1 of the first person's</source>
      <translation>%1 mức người thứ nhất</translation>
    </message>
    <message>
      <source>Total for %1 months: %2</source>
      <translation>Tổng cộng cho %1 tháng: %2</translation>
    </message>
    <message>
      <source>Base salary %1 a month from %2 (%3).</source>
      <translation>Mức lương cơ sở %1 mỗi tháng, áp dụng từ ngày %2 (%3).</translation>
    </message>
    <message>
      <source>Rule: %1.</source>
      <translation>Căn cứ: %1.</translation>
    </message>
    <message>
      <source>%1 months</source>
      <translation>%1 tháng</translation>
    </message>
    <message>
      <source>Period and contribution</source>
      <translation>Thời hạn và số tiền đóng</translation>
    </message>
    <message>
      <source>Please choose how many months to pay for. The amounts follow the law.</source>
      <translation>Vui lòng chọn số tháng đóng. Số tiền được tính theo quy định của pháp luật.</translation>
    </message>
    <message>
      <source>Under Decree 13/2023/ND-CP we ask for your consent: the names, ID numbers and birth dates of these people go to the ward office and the social insurance office, only to handle this application.</source>
      <translation>Theo Nghị định 13/2023/NĐ-CP, chúng tôi xin sự đồng ý của Ông/Bà: họ tên, số định danh và ngày sinh của những người trên được gửi đến phường và cơ quan bảo hiểm xã hội, chỉ để giải quyết hồ sơ này.</translation>
    </message>
    <message>
      <source>I have read this and I agree</source>
      <translation>Tôi đã đọc và đồng ý</translation>
    </message>
    <message>
      <source>Saving your application…</source>
      <translation>Đang lưu hồ sơ của Ông/Bà…</translation>
    </message>
    <message>
      <source>Submit the application</source>
      <translation>Nộp hồ sơ</translation>
    </message>
  </context>
</TS>