import type { Role } from '../../shared/roles';

/** The named demo accounts, one or more per role, printed at start. */
export const DEMO_ACCOUNTS: { username: string; role: Role; fullName: string; agency: string }[] = [
  { username: 'quantri', role: 'admin', fullName: 'Trần Quốc Khánh', agency: 'Văn phòng Chính phủ' },
  { username: 'vpcp', role: 'office', fullName: 'Nguyễn Thị Thu Hà', agency: 'Văn phòng Chính phủ' },
  { username: 'btc.chuyenvien', role: 'officer', fullName: 'Lê Minh Tuấn', agency: 'Bộ Tài chính' },
  { username: 'btc.lanhdao', role: 'leader', fullName: 'Phạm Thị Hồng Nhung', agency: 'Bộ Tài chính' },
  { username: 'hanoi.chuyenvien', role: 'officer', fullName: 'Đỗ Văn Hùng', agency: 'Thành phố Hà Nội' },
  { username: 'hanoi.lanhdao', role: 'leader', fullName: 'Vũ Thị Mai Anh', agency: 'Thành phố Hà Nội' },
  {
    username: 'hanoi.sokhcn',
    role: 'officer',
    fullName: 'Trịnh Thị Lan Phương',
    agency: 'Sở Khoa học và Công nghệ thành phố Hà Nội',
  },
  { username: 'thanhtra', role: 'inspector', fullName: 'Hoàng Đức Thắng', agency: 'Thanh tra Chính phủ' },
];
