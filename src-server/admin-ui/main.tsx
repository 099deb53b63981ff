import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp';
import { quietLibraryIcons } from '../../src-ui/quiet-library-icons';
import './styles.css';

dayjs.locale('vi');
// antd's own icons would be read aloud by their English names (src-ui/quiet-library-icons.ts).
quietLibraryIcons(document.body);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
