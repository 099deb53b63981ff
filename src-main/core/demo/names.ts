/**
 * Vietnamese names and places for demo and benchmark data, weighted roughly as they occur
 * (Nguyễn about 38 % of the population, Trần 11 %, Lê 9.5 %…). Not real people.
 */
export const FAMILY_NAMES: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 2],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Trịnh', 0.6],
];
export const MIDDLE_NAMES_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thanh', 'Xuân', 'Đình', 'Ngọc', 'Anh'];
export const MIDDLE_NAMES_FEMALE = ['Thị', 'Thị Thu', 'Ngọc', 'Thị Hồng', 'Thanh', 'Thị Minh', 'Kim', 'Thị Bích', 'Thùy'];
export const GIVEN_NAMES_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Tuấn', 'Việt'];
export const GIVEN_NAMES_FEMALE = ['Anh', 'Châu', 'Đào', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Phương', 'Thảo', 'Trang', 'Vân', 'Yến', 'Quỳnh', 'Nhung'];
export const HAMLETS = ['Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc', 'Thôn Trung', 'Thôn Thượng', 'Thôn Hạ', 'Xóm Mới', 'Làng Đồng', 'Khu phố 1', 'Khu phố 2', 'Bản Mường'];

/** Share of each procedure (by national code) in a commune's year; the rest spread evenly. */
export const PROCEDURE_MIX: [string, number][] = [
  ['2.000815', 45], // chứng thực bản sao từ bản chính
  ['2.000884', 15], // chứng thực chữ ký
  ['2.000635', 6], // cấp bản sao trích lục hộ tịch
  ['1.001193', 8], // đăng ký khai sinh
  ['1.000894', 3], // đăng ký kết hôn
  ['1.000656', 2], // đăng ký khai tử
  ['1.004194', 5], // đăng ký tạm trú
  ['1.001612', 3], // thành lập hộ kinh doanh
  ['1.004873', 3], // xác nhận tình trạng hôn nhân
];
