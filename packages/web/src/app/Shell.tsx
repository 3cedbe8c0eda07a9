import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, TranslationOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@guatu/core';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { MENU } from './menu';

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in screen: who and where the user is, and the menu of what they may use. */
export function Shell({ children }: { children: ReactNode }) {
  const { me, signOut } = useAuth();
  const { t, label, locale, setLocale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawer, setDrawer] = useState(false);
  if (!me) return null;

  const entries = MENU.filter((m) => m.visible(me));
  const selected = entries
    .filter((m) => (m.path === '/' ? location.pathname === '/' : location.pathname.startsWith(m.path)))
    .map((m) => m.path);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={entries.map((m) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> }))}
      onClick={() => setDrawer(false)}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (
    <Link to="/" style={{ color: '#b91c1c', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
      {t('appName')}
      {!narrow && <span style={{ color: '#374151', fontWeight: 500, fontSize: 14, marginInlineStart: 8 }}>{t('appTitle')}</span>}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ background: '#fff', padding: narrow ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #e5e7eb', position: 'sticky', top: 0, zIndex: 10 }}
      >
        {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={() => setDrawer(true)} />}
        {brand}
        <div style={{ flex: 1 }} />
        <Space size={narrow ? 4 : 12} style={{ minWidth: 0 }}>
          <span data-testid="user-region" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: narrow ? 110 : 'none' }}>
            {narrow ? me.region.name.replace(/(哈尼族彝族|壮族苗族|白族|傣族景颇族|傈僳族|藏族|彝族|傣族)?自治州$/, '州') : me.region.name}
          </span>
          {!narrow && <Typography.Text strong>{me.displayName.replace(/（.*）$/, '')}</Typography.Text>}
          {!narrow && me.roles.map((r) => <Tag key={r} color="red">{label(ROLE_LABELS, r)}</Tag>)}
          <Button size="small" icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
            {narrow ? (locale === 'zh' ? 'EN' : '中') : t('language')}
          </Button>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            aria-label={t('signOut')}
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          >
            {narrow ? null : t('signOut')}
          </Button>
        </Space>
      </Header>
      <Layout>
        {narrow ? (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={me.displayName} styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        ) : (
          <Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #e5e7eb' }}>
            {menu}
          </Sider>
        )}
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
