/** What the crash-test writer sends: a fixed office and a dossier with every related row kind. */
export const CRASH_ADMIN = { username: 'quantri', password: 'song-Ma-mua-lua-chin', fullName: 'Nguyễn Thị Hồng Đào' };

export const CRASH_SETUP = {
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Tân Lập',
    governingBody: 'Ủy ban nhân dân xã Tân Lập',
    agencyCode: '000.00.17.H56',
    province: 'Thanh Hóa',
  },
  admin: CRASH_ADMIN,
};

/** Chứng thực bản sao (2.000815): two documents, a fee line per page rate. */
export const CRASH_PROCEDURE = '2.000815';
export const CRASH_DOCUMENTS = 2;

export function crashDossier(n: number) {
  return {
    procedureCode: CRASH_PROCEDURE,
    applicant: { fullName: `Đỗ Đức Dũng ${n}`, idNumber: String(38186000000 + n).padStart(12, '0'), address: 'Thôn Đông, xã Tân Lập' },
    documents: [
      { name: 'Bản chính giấy tờ cần chứng thực', originals: 1, copies: 0 },
      { name: 'Bản sao cần chứng thực', originals: 0, copies: 2 },
    ],
    pages: 1 + (n % 4),
    copies: 1 + (n % 2),
  };
}
